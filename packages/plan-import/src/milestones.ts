import type { Block } from './blocks.js';
import { isoDate } from './dates.js';
import type { PlanMilestone } from './types.js';

const D = '(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})';
const ANNIVERSARY_RANGE = new RegExp(`\\(\\s*${D}\\s*[-–]\\s*${D}\\s*\\)`, 'gu');
const COUNT = /(?<![\d/])\d{1,3}\s+năm\s+/gu;
const DEADLINE = new RegExp(
	`(?:trước|chậm nhất|không quá|hạn chót)\\s+(?:là\\s+)?(?:ngày\\s+)?(?:${D}|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))`,
	'giu'
);
const CLAUSE_BREAK = /[.;:!?,]\s/gu;

/** The clause of `text` ending at `at`: from the previous punctuation break, at most 160 chars. */
function clauseBefore(text: string, at: number): string {
	const from = Math.max(0, at - 160);
	const window = text.slice(from, at);
	let start = from > 0 ? window.indexOf(' ') + 1 : 0;
	for (const m of window.matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
	return window.slice(start).trim();
}

/**
 * Dated milestones anywhere in the plan: reporting deadlines ("báo cáo ... trước ngày
 * 10/11/2024") dated as written, and anniversaries ("35 năm Ngày Biên phòng toàn dân
 * (03/3/1989-03/3/2024)") dated on the anniversary, the range's second date.
 */
export function findMilestones(blocks: Block[]): PlanMilestone[] {
	const out: PlanMilestone[] = [];
	for (const { text } of blocks) {
		const found: { at: number; milestone: PlanMilestone }[] = [];
		for (const m of text.matchAll(ANNIVERSARY_RANGE)) {
			const date = isoDate(+m[6], +m[5], +m[4]);
			if (date === null) continue;
			const window = text.slice(Math.max(0, m.index - 160), m.index);
			let count: RegExpMatchArray | undefined;
			for (const c of window.matchAll(COUNT)) count = c;
			const label = count ? window.slice(count.index) : clauseBefore(text, m.index);
			const clean = label.replace(/^[\s,;:”"]+|[\s,;:]+$/gu, '');
			if (clean !== '') found.push({ at: m.index, milestone: { date, text: clean } });
		}
		for (const m of text.matchAll(DEADLINE)) {
			const date = m[1] ? isoDate(+m[3], +m[2], +m[1]) : isoDate(+m[6], +m[5], +m[4]);
			if (date === null) continue;
			const sentence = `${clauseBefore(text, m.index)} ${m[0]}`.trim();
			found.push({ at: m.index, milestone: { date, text: sentence } });
		}
		found.sort((a, b) => a.at - b.at);
		out.push(...found.map((f) => f.milestone));
	}
	return out;
}
