import type { Block } from './blocks.js';

/** A numbered or lettered item and everything up to the next item. */
export interface OutlineItem {
	/** Full path: section numeral first, e.g. "II.6.2", "II.1.a". */
	number: string;
	/** Own marker path inside the section: ["6", "2"], ["1", "a"]. */
	path: string[];
	heading: string;
	line: number;
	body: Block[];
	children: OutlineItem[];
}

export interface OutlineSection {
	number: string;
	title: string;
	line: number;
	body: Block[];
	items: OutlineItem[];
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const LETTERS = [...'abcdđeghiklmnopqrstuvxy'];
const isLetterPath = (it: OutlineItem) => LETTERS.includes(it.path[it.path.length - 1]);
const TAIL = /^(?:Trên đây|Nơi nhận|Nơi gửi|TM\.|KT\.)/u;

export function romanValue(s: string): number {
	let total = 0;
	for (let i = 0; i < s.length; i++) {
		const v = ROMAN_VALUES[s[i]];
		const next = ROMAN_VALUES[s[i + 1]] ?? 0;
		total += v < next ? -v : v;
	}
	return total;
}

/** Accepts the next number only in sequence (one skip tolerated), so stray "2." lines stay text. */
function inSequence(prev: number, next: number): boolean {
	return next > prev && next <= prev + 2;
}

/**
 * Builds sections and their item trees. Numbers that break the sequence are kept as text;
 * the closing part (from "Trên đây là ..." or "Nơi nhận") is left out.
 * With no Roman-numeral heading, numbered items go in one section numbered "".
 */
export function buildOutline(blocks: Block[]): {
	preamble: Block[];
	sections: OutlineSection[];
	/** Line where the closing part starts ("Trên đây ...", "Nơi nhận"), null when there is none. */
	end: number | null;
} {
	const preamble: Block[] = [];
	const sections: OutlineSection[] = [];
	const hasRoman = blocks.some((b) => b.kind === 'roman');
	let section: OutlineSection | null = null;
	let stack: OutlineItem[] = [];
	const lastChild = new Map<OutlineItem | OutlineSection, string>();

	const attach = (parent: OutlineItem | OutlineSection, item: OutlineItem) => {
		if ('items' in parent) parent.items.push(item);
		else parent.children.push(item);
		lastChild.set(parent, item.path[item.path.length - 1]);
	};
	const makeItem = (sec: OutlineSection, path: string[], b: Block): OutlineItem => ({
		number: [sec.number, ...path].filter((p) => p !== '').join('.'),
		path,
		heading: b.text,
		line: b.line,
		body: [],
		children: []
	});

	let end: number | null = null;
	for (const b of blocks) {
		if (section !== null && TAIL.test(b.text)) {
			end = b.line;
			break;
		}
		if (b.kind === 'roman') {
			const value = romanValue(b.marker);
			const prev = section === null ? 0 : romanValue(section.number);
			if (section === null || inSequence(prev, value)) {
				section = { number: b.marker, title: b.text, line: b.line, body: [], items: [] };
				sections.push(section);
				stack = [];
				continue;
			}
		}
		if (section === null && !hasRoman && b.kind === 'number' && b.marker === '1') {
			section = { number: '', title: '', line: b.line, body: [], items: [] };
			sections.push(section);
		}
		if (section === null) {
			preamble.push(b);
			continue;
		}
		if (b.kind === 'number') {
			const path = b.marker.split('.');
			const depth = path.length - 1;
			const parentPath = path.slice(0, -1).join('.');
			const numbered = stack.filter((it) => !isLetterPath(it));
			const parent = depth === 0 ? section : numbered[depth - 1];
			if (parent && ('items' in parent || parent.path.join('.') === parentPath)) {
				const prev = Number(lastChild.get(parent) ?? '0');
				if (inSequence(prev, Number(path[depth]))) {
					const item = makeItem(section, path, b);
					attach(parent, item);
					stack = [...numbered.slice(0, depth), item];
					continue;
				}
			}
		}
		if (b.kind === 'letter') {
			const top = stack[stack.length - 1];
			const isLetter = top !== undefined && isLetterPath(top);
			const parent = isLetter ? (stack[stack.length - 2] ?? section) : (top ?? section);
			const prev = lastChild.get(parent);
			const prevIndex = prev === undefined ? -1 : LETTERS.indexOf(prev);
			if (LETTERS.indexOf(b.marker) === prevIndex + 1) {
				const base = 'path' in parent ? parent.path : [];
				const item = makeItem(section, [...base, b.marker], b);
				attach(parent, item);
				stack = [...stack.slice(0, isLetter ? -1 : stack.length), item];
				continue;
			}
		}
		const owner = stack[stack.length - 1] ?? section;
		const asText = b.kind === 'text' || b.kind === 'bullet';
		owner.body.push(asText ? b : { ...b, kind: 'text', text: `${b.marker}. ${b.text}` });
	}
	return { preamble, sections, end };
}
