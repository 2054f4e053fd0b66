/** One text item of a PDF page in page space (y grows upwards), as pdfjs reports it. */
export interface Glyphs {
	text: string;
	/** Left end of the baseline. */
	x: number;
	y: number;
	/** Advance width of the whole item. */
	width: number;
	/** Font size in page units. */
	size: number;
}

/** Text items on one baseline that stand close together: a cell's line, or a whole text line. */
interface Fragment {
	text: string;
	x0: number;
	x1: number;
}

interface Line {
	y: number;
	size: number;
	fragments: Fragment[];
}

/** Items whose baselines differ by less than this (in font sizes) share a line. */
const SAME_LINE = 0.45;
/**
 * A horizontal gap wider than this (in font sizes) separates columns: a word space is about a
 * quarter of the size; between two table cells stand both cells' padding and a border.
 */
const COLUMN_GAP = 0.6;
/** A gap wider than this, and narrower than a column gap, is a word space. */
const WORD_GAP = 0.12;
/** A table row's next line further down than this (in font sizes) ends the table. */
const ROW_GAP = 3;
/** A list number set off from its text by a tab stop: "I.", "2.1.", "a)", "-". */
const LIST_MARKER = /^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]$|^[-+•]$/u;

function baselines(items: readonly Glyphs[]): Line[] {
	const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
	const groups: Glyphs[][] = [];
	for (const item of sorted) {
		const group = groups[groups.length - 1];
		const anchor = group?.[0];
		if (anchor && anchor.y - item.y < SAME_LINE * Math.min(anchor.size, item.size)) {
			group.push(item);
		} else groups.push([item]);
	}
	return groups.map((group) => {
		group.sort((a, b) => a.x - b.x);
		const fragments: Fragment[] = [];
		for (const item of group) {
			const last = fragments[fragments.length - 1];
			const gap = last ? item.x - last.x1 : Number.POSITIVE_INFINITY;
			if (last && gap <= COLUMN_GAP * item.size) {
				const space = gap > WORD_GAP * item.size && !/\s$/.test(last.text) ? ' ' : '';
				last.text += space + item.text;
				last.x1 = Math.max(last.x1, item.x + item.width);
			} else fragments.push({ text: item.text, x0: item.x, x1: item.x + item.width });
		}
		for (const f of fragments) f.text = f.text.replace(/\s+/g, ' ').trim();
		return { y: group[0].y, size: Math.max(...group.map((g) => g.size)), fragments };
	});
}

/** A table in progress: the column boundaries its first row set, and its rows' cells. */
interface Table {
	/** Left edge of each column; a cell starts in the column whose range holds its left end. */
	starts: number[];
	rows: string[][];
	lastY: number;
}

const columnOf = (table: Table, x: number) => {
	let i = 0;
	while (i + 1 < table.starts.length && x >= table.starts[i + 1]) i++;
	return i;
};

/** The line's cells in the table's columns, or null when it is not a row of that table. */
function cellsOf(table: Table, line: Line): string[] | null {
	if (table.lastY - line.y > ROW_GAP * line.size) return null;
	const cells = table.starts.map(() => '');
	let previous = -1;
	for (const f of line.fragments) {
		const column = columnOf(table, f.x0);
		if (column <= previous) return null;
		previous = column;
		cells[column] = f.text;
	}
	// One fragment running across the whole table from its first column is body text.
	const only = line.fragments.length === 1 ? line.fragments[0] : null;
	if (only && previous === 0 && table.starts.length > 1 && only.x1 > table.starts[1] + line.size) {
		return null;
	}
	return cells;
}

/** A page number standing alone ("2", "- 2 -"), dropped where it would split a table's rows. */
const PAGE_NUMBER = /^[-–\s]*\d{1,4}[-–\s]*$/;

/**
 * Rebuilds text lines from the text items of a document's pages, page after page: top to bottom
 * by baseline, left to right within a line. Items far apart on one baseline are cells: a line of
 * three or more of them starts a table whose columns they set; the lines below it that fit those
 * columns are its rows (missing cells empty), and a line with nothing in the first column
 * continues the row above (a cell's wrapped text). A table goes on across a page break (a page
 * number and a repeated header row between are dropped). Rows come out with cells joined by TAB.
 */
export class LineLayout {
	readonly #out: string[] = [];
	#table: Table | null = null;

	#flush(): void {
		if (this.#table) this.#out.push(...this.#table.rows.map((r) => r.join('\t')));
		this.#table = null;
	}

	addPage(items: readonly Glyphs[]): void {
		let pageStart = this.#table !== null;
		for (const line of baselines(items)) {
			const table = this.#table;
			if (table && pageStart) {
				const [only] = line.fragments;
				if (line.fragments.length === 1 && PAGE_NUMBER.test(only.text)) continue;
				const texts = line.fragments.map((f) => f.text);
				pageStart = false;
				if (texts.join('\t') === table.rows[0].join('\t')) continue;
				table.lastY = line.y;
			}
			const cells = table ? cellsOf(table, line) : null;
			if (table && cells) {
				const row = table.rows[table.rows.length - 1];
				if (cells[0] === '' && row) {
					cells.forEach((c, i) => {
						if (c !== '') row[i] = row[i] === '' ? c : `${row[i]} ${c}`;
					});
				} else table.rows.push(cells);
				table.lastY = line.y;
				continue;
			}
			this.#flush();
			const { fragments } = line;
			if (fragments.length >= 3) {
				this.#table = {
					starts: fragments.map((f, i) =>
						i === 0 ? Number.NEGATIVE_INFINITY : (fragments[i - 1].x1 + f.x0) / 2
					),
					rows: [fragments.map((f) => f.text)],
					lastY: line.y
				};
			} else if (fragments.length === 2 && LIST_MARKER.test(fragments[0].text)) {
				this.#out.push(`${fragments[0].text} ${fragments[1].text}`);
			} else this.#out.push(fragments.map((f) => f.text).join('\t'));
		}
	}

	/** Every line so far, the open table's rows included. */
	finish(): string[] {
		this.#flush();
		return this.#out;
	}
}

/** The lines of a single page (see `LineLayout`). */
export function layoutLines(items: readonly Glyphs[]): string[] {
	const layout = new LineLayout();
	layout.addPage(items);
	return layout.finish();
}
