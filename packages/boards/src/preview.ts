import type { ParsedPlan } from '@planboard/plan-import';
import { reportDeadline } from './seed.js';

/** One row of the preview: a task or duty as it will become cards. */
export interface PreviewTask {
	number: string;
	title: string;
	lead: string[];
	coordinating: string[];
	due: string | null;
	timeframe: string | null;
	/** 1-based line in the source file. */
	line: number;
	kind: 'task' | 'duty';
}

export interface PreviewSection {
	number: string;
	title: string;
	tasks: PreviewTask[];
}

/**
 * The plan's tasks and duties grouped by the section that holds them, in plan order, for the
 * person to check before the board exists. Sections without tasks are left out.
 */
export function previewSections(plan: ParsedPlan): PreviewSection[] {
	const sections = new Map<string, PreviewSection>(
		plan.sections.map((s) => [s.number, { number: s.number, title: s.title, tasks: [] }])
	);
	const sectionOf = (number: string) => {
		let s = sections.get(number);
		if (!s) {
			s = { number, title: '', tasks: [] };
			sections.set(number, s);
		}
		return s;
	};
	for (const t of plan.tasks) {
		sectionOf(t.section).tasks.push({
			number: t.number,
			title: t.title,
			lead: t.lead,
			coordinating: t.coordinating,
			due: t.due,
			timeframe: t.timeframe,
			line: t.line,
			kind: 'task'
		});
	}
	const reportDue = reportDeadline(plan);
	for (const d of plan.duties) {
		sectionOf(d.number.split('.')[0]).tasks.push({
			number: d.number,
			title: d.items[0] ?? '',
			lead: d.agencies,
			coordinating: [],
			due: reportDue,
			timeframe: null,
			line: d.line,
			kind: 'duty'
		});
	}
	return [...sections.values()].filter((s) => s.tasks.length > 0);
}
