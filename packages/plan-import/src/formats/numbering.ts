import { isWord, walkXml, wordAttr, type XmlTag } from './xml.js';

/** One level (`w:lvl`) of an abstract numbering definition. */
interface Level {
	start: number;
	/** `w:numFmt`: decimal, upperRoman, lowerLetter, bullet, none, ... */
	format: string;
	/** `w:lvlText`, e.g. "%1.%2."; `%n` stands for level n's current value. */
	text: string;
	/** Legal numbering: every `%n` shows as decimal ("1.2", not "I.2"). */
	legal: boolean;
	/** `w:lvlRestart` (1-based level after which this level restarts); null = any shallower level. */
	restart: number | null;
	/** What Word puts between the number and the text: a tab or a space show as one space. */
	suffix: string;
	style: string | null;
}

interface Num {
	abstractId: string;
	/** `w:lvlOverride/w:startOverride` per level: this instance restarts its own count. */
	starts: Map<number, number>;
}

interface Style {
	basedOn: string | null;
	numId: string | null;
	ilvl: number | null;
}

/** A paragraph's own numbering properties (`w:pPr/w:numPr`, `w:pStyle`). */
export interface ParagraphNumbering {
	numId: string | null;
	ilvl: number | null;
	style: string | null;
}

const int = (v: string | undefined, fallback: number) => {
	const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
	return Number.isFinite(n) ? n : fallback;
};

function roman(n: number): string {
	const table: [number, string][] = [
		[1000, 'M'],
		[900, 'CM'],
		[500, 'D'],
		[400, 'CD'],
		[100, 'C'],
		[90, 'XC'],
		[50, 'L'],
		[40, 'XL'],
		[10, 'X'],
		[9, 'IX'],
		[5, 'V'],
		[4, 'IV'],
		[1, 'I']
	];
	let out = '';
	for (const [value, symbol] of table) {
		while (n >= value) {
			out += symbol;
			n -= value;
		}
	}
	return out;
}

/** Word's letters: A..Z, then AA..ZZ, AAA.. (the letter repeated, not base 26). */
function letter(n: number): string {
	if (n < 1) return String(n);
	return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value as the level's number format shows it. */
export function formatNumber(n: number, format: string): string {
	switch (format) {
		case 'upperRoman':
			return n > 0 ? roman(n) : String(n);
		case 'lowerRoman':
			return n > 0 ? roman(n).toLowerCase() : String(n);
		case 'upperLetter':
			return letter(n);
		case 'lowerLetter':
			return letter(n).toLowerCase();
		case 'decimalZero':
			return String(n).padStart(2, '0');
		case 'none':
			return '';
		default:
			// decimal, and the formats a Vietnamese plan does not use (ordinal, Chinese counting...)
			return String(n);
	}
}

/**
 * Word's automatic list numbering (numbering.xml, with list styles from styles.xml): turns each
 * numbered paragraph, in document order, into the number the reader sees ("II.", "1.2.", "a)").
 */
export class Numbering {
	readonly #abstracts = new Map<string, Map<number, Level>>();
	/** `w:numStyleLink`: an abstract definition that is only a pointer to a list style. */
	readonly #styleLinks = new Map<string, string>();
	readonly #nums = new Map<string, Num>();
	readonly #styles = new Map<string, Style>();
	/** Current values per list: lists sharing an abstract definition count on together. */
	readonly #counters = new Map<string, (number | undefined)[]>();

	constructor(numberingXml: string | null, stylesXml: string | null) {
		if (numberingXml !== null) this.#readNumbering(numberingXml);
		if (stylesXml !== null) this.#readStyles(stylesXml);
	}

	#readNumbering(xml: string): void {
		let abstract: Map<number, Level> | null = null;
		let level: Level | null = null;
		let num: Num | null = null;
		let override: number | null = null;
		const path: string[] = [];
		walkXml(xml, 'DOCX (word/numbering.xml)', {
			open: (tag: XmlTag) => {
				path.push(tag.local);
				const val = wordAttr(tag, 'val');
				if (isWord(tag, 'abstractNum')) {
					abstract = new Map();
					this.#abstracts.set(wordAttr(tag, 'abstractNumId') ?? '', abstract);
				} else if (isWord(tag, 'numStyleLink') && abstract) {
					const id = [...this.#abstracts].find(([, a]) => a === abstract)?.[0];
					if (id !== undefined && val !== undefined) this.#styleLinks.set(id, val);
				} else if (isWord(tag, 'num') && path.length === 2) {
					num = { abstractId: '', starts: new Map() };
					this.#nums.set(wordAttr(tag, 'numId') ?? '', num);
				} else if (isWord(tag, 'lvl') && abstract) {
					level = {
						start: 1,
						format: 'decimal',
						text: '',
						legal: false,
						restart: null,
						suffix: ' ',
						style: null
					};
					abstract.set(int(wordAttr(tag, 'ilvl'), 0), level);
				} else if (isWord(tag, 'abstractNumId') && num) {
					num.abstractId = val ?? '';
				} else if (isWord(tag, 'lvlOverride') && num) {
					override = int(wordAttr(tag, 'ilvl'), 0);
				} else if (isWord(tag, 'startOverride') && num && override !== null) {
					num.starts.set(override, int(val, 1));
				} else if (level && path[path.length - 2] === 'lvl') {
					if (isWord(tag, 'start')) level.start = int(val, 1);
					else if (isWord(tag, 'numFmt')) level.format = val ?? 'decimal';
					else if (isWord(tag, 'lvlText')) level.text = val ?? '';
					else if (isWord(tag, 'isLgl')) level.legal = val !== '0' && val !== 'false';
					else if (isWord(tag, 'lvlRestart')) level.restart = int(val, 0);
					else if (isWord(tag, 'suff')) level.suffix = val === 'nothing' ? '' : ' ';
					else if (isWord(tag, 'pStyle')) level.style = val ?? null;
				}
			},
			close: (tag: XmlTag) => {
				path.pop();
				if (isWord(tag, 'abstractNum')) abstract = null;
				else if (isWord(tag, 'lvl')) level = null;
				else if (isWord(tag, 'num')) num = null;
				else if (isWord(tag, 'lvlOverride')) override = null;
			}
		});
	}

	#readStyles(xml: string): void {
		let style: Style | null = null;
		const path: string[] = [];
		walkXml(xml, 'DOCX (word/styles.xml)', {
			open: (tag: XmlTag) => {
				path.push(tag.local);
				const type = wordAttr(tag, 'type');
				if (isWord(tag, 'style') && (type === 'paragraph' || type === 'numbering')) {
					style = { basedOn: null, numId: null, ilvl: null };
					this.#styles.set(wordAttr(tag, 'styleId') ?? '', style);
				} else if (style && isWord(tag, 'basedOn')) {
					style.basedOn = wordAttr(tag, 'val') ?? null;
				} else if (style && path.join('/').endsWith('style/pPr/numPr/numId')) {
					style.numId = wordAttr(tag, 'val') ?? null;
				} else if (style && path.join('/').endsWith('style/pPr/numPr/ilvl')) {
					style.ilvl = int(wordAttr(tag, 'val'), 0);
				}
			},
			close: (tag: XmlTag) => {
				path.pop();
				if (isWord(tag, 'style')) style = null;
			}
		});
	}

	/** An abstract definition's levels, following a list-style link once. */
	#levels(abstractId: string): Map<number, Level> | undefined {
		const link = this.#styleLinks.get(abstractId);
		const linkedNum = link === undefined ? null : this.#styleNumbering(link).numId;
		const linked = linkedNum === null ? undefined : this.#nums.get(linkedNum)?.abstractId;
		return this.#abstracts.get(linked ?? abstractId);
	}

	/** The style's numbering, inherited through `w:basedOn` (cycles stop). */
	#styleNumbering(styleId: string | null): { numId: string | null; ilvl: number | null } {
		const seen = new Set<string>();
		let numId: string | null = null;
		let ilvl: number | null = null;
		for (let id = styleId; id !== null && !seen.has(id); ) {
			seen.add(id);
			const style = this.#styles.get(id);
			if (!style) break;
			numId ??= style.numId;
			ilvl ??= style.ilvl;
			id = style.basedOn;
		}
		return { numId, ilvl };
	}

	/**
	 * Counts the paragraph in its list and returns its visible number followed by the separator
	 * ("II. ", "1.2. ", "- " for bullets), or '' when the paragraph is not numbered.
	 */
	next(paragraph: ParagraphNumbering): string {
		const fromStyle = this.#styleNumbering(paragraph.style);
		const numId = paragraph.numId ?? fromStyle.numId;
		if (numId === null || numId === '0') return '';
		const num = this.#nums.get(numId);
		const levels = num && this.#levels(num.abstractId);
		if (!num || !levels) return '';
		let ilvl = paragraph.ilvl ?? fromStyle.ilvl;
		if (ilvl === null) {
			const styled = [...levels].find(([, l]) => l.style !== null && l.style === paragraph.style);
			ilvl = styled ? styled[0] : 0;
		}
		const level = levels.get(ilvl);
		if (!level) return '';
		const key = num.starts.size > 0 ? `num:${numId}` : `abstract:${num.abstractId}`;
		let counters = this.#counters.get(key);
		const startOf = (i: number) => num.starts.get(i) ?? levels.get(i)?.start ?? 1;
		if (!counters) {
			counters = [];
			this.#counters.set(key, counters);
		}
		const current = counters[ilvl];
		counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
		for (let deeper = ilvl + 1; deeper < counters.length; deeper++) {
			const restart = levels.get(deeper)?.restart ?? null;
			if (restart === null || ilvl < restart) counters[deeper] = undefined;
		}
		if (level.format === 'bullet') return '- ';
		const shown = level.text.replace(/%([1-9])/g, (_, d: string) => {
			const i = Number(d) - 1;
			const format = level.legal ? 'decimal' : (levels.get(i)?.format ?? 'decimal');
			return formatNumber(counters[i] ?? startOf(i), format);
		});
		return shown.trim() === '' ? '' : shown + level.suffix;
	}
}
