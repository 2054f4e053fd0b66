import type { Store } from '@planboard/store';
import { slug } from './seed.js';

/** Plan ids are document-name ids (`[a-z0-9-]{1,64}`), so the title part leaves room for the rest. */
const TITLE_PART = 48;

/**
 * A fresh id for a new board: the slug of its title and year, "-2", "-3", ... appended until no
 * existing plan has it. Words every plan title shares ("Kế hoạch") and the year as written in
 * the title ("năm 2025") are left out of the title part, which is cut at a word boundary:
 * "Kế hoạch tuyên truyền biên giới năm 2025" gives "tuyen-truyen-bien-gioi-2025".
 */
export function newPlanId(options: { store: Store; title: string; year: number }): string {
	const { store, title, year } = options;
	const words = slug(title, 200)
		.split('-')
		.filter((w, i, all) => w !== String(year) && !(w === 'nam' && all[i + 1] === String(year)));
	if (words[0] === 'ke' && words[1] === 'hoach') words.splice(0, 2);
	let part = '';
	for (const w of words) {
		const next = part ? `${part}-${w}` : w;
		if (next.length > TITLE_PART) break;
		part = next;
	}
	const base = part && part !== 'x' ? `${part}-${year}` : `ke-hoach-${year}`;
	for (let n = 1; ; n++) {
		const id = n === 1 ? base : `${base}-${n}`;
		if (!store.plans.get(id)) return id;
	}
}
