import { readFileSync } from 'node:fs';
import {
	importPlanFile,
	loadGiaLaiDirectory,
	PlanImportError,
	toPlanJson,
	type ParsedPlan
} from '@planboard/plan-import';
import { processIo, type CommandIo } from '../io.js';

const USAGE = 'usage: planboard import FILE(.txt|.docx|.pdf) [--json] [--no-directory]';

function readInput(file: string): Uint8Array {
	try {
		return readFileSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e);
		throw new PlanImportError(`cannot read: ${reason}`, { source: file });
	}
}

function summary(plan: ParsedPlan): string {
	const lines = [plan.title, [plan.issuer, plan.number, plan.date].filter(Boolean).join(' · ')];
	const byLead = new Map<string, string[]>();
	for (const task of plan.tasks) {
		for (const lead of task.lead.length > 0 ? task.lead : ['(no lead)']) {
			byLead.set(lead, [...(byLead.get(lead) ?? []), task.number]);
		}
	}
	lines.push('', `Tasks: ${plan.tasks.length}, duties: ${plan.duties.length}`);
	for (const [lead, numbers] of byLead) lines.push(`  ${lead}: ${numbers.join(', ')}`);
	lines.push('', `Milestones: ${plan.milestones.length}`);
	for (const m of plan.milestones) lines.push(`  ${m.date}  ${m.text}`);
	lines.push('', `Warnings: ${plan.warnings.length}`);
	return `${lines.join('\n')}\n`;
}

/**
 * `planboard import FILE [--json] [--no-directory]`: FILE is plan text, a DOCX or a PDF (by its
 * leading bytes). Exit 0 with the plan on stdout and warnings on stderr (their line numbers refer
 * to the text lines read from the file); exit 2 with one line naming the file when it cannot be
 * a plan, including a corrupt DOCX/PDF or a PDF without a text layer.
 */
export async function runImport(args: string[], io: CommandIo = processIo): Promise<number> {
	const files = args.filter((a) => !a.startsWith('--'));
	const unknown = args.filter(
		(a) => a.startsWith('--') && a !== '--json' && a !== '--no-directory'
	);
	if (files.length !== 1 || unknown.length > 0) {
		io.err(`${USAGE}\n`);
		return 2;
	}
	const file = files[0];
	try {
		const directory = args.includes('--no-directory') ? undefined : loadGiaLaiDirectory();
		const plan = await importPlanFile(readInput(file), { directory, source: file });
		for (const w of plan.warnings) io.err(`${file}:${w.line}: warning: ${w.message}\n`);
		io.out(
			args.includes('--json') ? `${JSON.stringify(toPlanJson(plan), null, 2)}\n` : summary(plan)
		);
		return 0;
	} catch (e) {
		if (!(e instanceof PlanImportError)) throw e;
		const where = e.line === null ? file : `${file}:${e.line}`;
		io.err(`planboard import: ${where}: ${e.message.replace(/\s+/g, ' ')}\n`);
		return 2;
	}
}
