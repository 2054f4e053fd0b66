import { parsePlanBytes } from './bytes.js';
import { PlanImportError } from './errors.js';
import { docxToLines } from './formats/docx.js';
import { pdfToLines } from './formats/pdf.js';
import { parsePlan } from './parse.js';
import type { ParsedPlan, ParseOptions } from './types.js';
import { withValidityWarnings } from './validity.js';

/** The plan file formats the importer reads. */
export type PlanFileFormat = 'text' | 'docx' | 'pdf';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** OLE2 compound file: an old binary .doc, or an Office file encrypted with a password. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Decides a file's format from its leading bytes, falling back to its name for plain text. */
export function detectPlanFormat(bytes: Uint8Array, fileName = ''): PlanFileFormat {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
	if (/\.pdf$/i.test(fileName)) return 'pdf';
	if (/\.docx$/i.test(fileName)) return 'docx';
	return 'text';
}

/**
 * The plain text lines of a DOCX or PDF plan, exactly as `importPlanFile` hands them to
 * `parsePlan` (so warnings' line numbers refer to them): DOCX paragraphs and table rows (cells
 * separated by TAB) in document order with list numbering resolved; PDF text-layer lines.
 * @throws PlanImportError for a corrupt file, or a PDF without a text layer.
 */
export async function planFileLines(
	bytes: Uint8Array,
	format: Exclude<PlanFileFormat, 'text'>
): Promise<string[]> {
	return format === 'docx' ? docxToLines(bytes) : pdfToLines(bytes);
}

/**
 * The one entry point for a plan file of any supported format (text, DOCX, PDF): the web app,
 * the API and the CLI all import through it, so they share one JSON contract and one set of errors.
 */
export async function importPlanFile(
	bytes: Uint8Array,
	options: ParseOptions = {}
): Promise<ParsedPlan> {
	const plan = await readPlanFile(bytes, options);
	return options.directory ? withValidityWarnings(plan, options.directory) : plan;
}

async function readPlanFile(bytes: Uint8Array, options: ParseOptions): Promise<ParsedPlan> {
	const { source } = options;
	if (startsWith(bytes, OLE2)) {
		throw new PlanImportError(
			'a legacy .doc or password-protected Office file: save it as .docx without a password',
			{ source }
		);
	}
	const format = detectPlanFormat(bytes, source);
	if (format === 'text') return parsePlanBytes(bytes, options);
	if (bytes.length === 0) throw new PlanImportError('empty file', { source });
	let lines: string[];
	try {
		lines = await planFileLines(bytes, format);
	} catch (e) {
		if (e instanceof PlanImportError && source !== undefined) {
			throw new PlanImportError(e.message, { line: e.line, source });
		}
		throw e;
	}
	if (lines.every((l) => l.trim() === '')) {
		throw new PlanImportError(`empty ${format.toUpperCase()}: the document has no text`, {
			source
		});
	}
	return parsePlan(lines.join('\n'), options);
}
