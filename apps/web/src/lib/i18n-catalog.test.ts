import { describe, expect, it } from 'vitest';
import { messages } from './i18n.js';
import { uiCatalog } from './i18n-catalog.js';
import { meetingMessages } from './meeting/i18n.js';
import { planEditMessages } from './plan-edit/i18n.js';
import { proposalMessages } from './proposals/i18n.js';
import { roundMessages } from './report-rounds/i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Texts that are the same in both languages on purpose: the product's name, bare numbers. */
const SAME_IN_BOTH = new Set(['Planboard']);

describe('UI dictionaries: both languages complete', () => {
	const catalog = uiCatalog();

	it('reads every dictionary', () => {
		const sizes = [messages, meetingMessages, planEditMessages, proposalMessages, roundMessages]
			.map((d) => Object.keys(d).length)
			.reduce((a, b) => a + b, 0);
		// The five dictionaries plus the model's five statuses and five timeliness labels.
		expect(catalog).toHaveLength(sizes + 10);
	});

	it('gives every key a Vietnamese and an English text, and nothing else', () => {
		for (const d of [messages, meetingMessages, planEditMessages, proposalMessages, roundMessages])
			for (const [key, texts] of Object.entries(d))
				expect(Object.keys(texts).sort(), key).toEqual(['en', 'vi']);
		const empty = catalog.filter((e) => !e.vi.trim() || !e.en.trim());
		expect(empty).toEqual([]);
		const padded = catalog.filter((e) => e.vi !== e.vi.trim() || e.en !== e.en.trim());
		expect(padded).toEqual([]);
	});

	it('fills the same placeholders in both languages', () => {
		const mismatched = catalog
			.filter((e) => placeholders(e.vi).join() !== placeholders(e.en).join())
			.map((e) => `${e.dictionary}.${e.key}`);
		expect(mismatched).toEqual([]);
	});

	it('translates every text that has words (the same text in both is a forgotten translation)', () => {
		const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '');
		const same = catalog
			.filter((e) => e.vi === e.en && words(e.vi) !== '' && !SAME_IN_BOTH.has(e.vi))
			.map((e) => `${e.dictionary}.${e.key}: ${e.vi}`);
		expect(same).toEqual([]);
	});

	it('writes Vietnamese with its diacritics', () => {
		// Some short words have no mark ('Xem', 'Xong'), but a Vietnamese phrase of three words or
		// more without a single marked letter is English, or was typed without its accents.
		const marked = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
		const words = (text: string) => text.replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? [];
		const bare = catalog
			.filter((e) => words(e.vi).length >= 3 && !marked.test(e.vi))
			.map((e) => `${e.dictionary}.${e.key}: ${e.vi}`);
		expect(bare).toEqual([]);
	});
});
