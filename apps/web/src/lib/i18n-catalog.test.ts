import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminMessages } from './admin/i18n.js';
import { boardMessages } from './board/i18n.js';
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
		const sizes = [
			messages,
			adminMessages,
			boardMessages,
			meetingMessages,
			planEditMessages,
			proposalMessages,
			roundMessages
		]
			.map((d) => Object.keys(d).length)
			.reduce((a, b) => a + b, 0);
		// The seven dictionaries plus the model's three due-in phrases, five statuses and five timeliness labels.
		expect(catalog).toHaveLength(sizes + 13);
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

	it('leaves no text pair written inline in a component', () => {
		// A component that chooses between two literal texts by language (`lang === 'vi' ? '…' :
		// '…'`, or a local helper doing so) keeps words outside the dictionaries, where neither
		// this test nor the pages' language check can see them.
		const src = join(dirname(fileURLToPath(import.meta.url)), '..');
		const svelteFiles = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory()
					? svelteFiles(join(dir, entry.name))
					: entry.name.endsWith('.svelte')
						? [join(dir, entry.name)]
						: []
			);
		// Locale codes ('vi-VN' : 'en-GB') are not words: a text has a space or a diacritic.
		const inline = /lang === 'vi' \? (vi\b|'[^']*[ \u00C0-\u1EF9][^']*' :)/;
		const offenders = svelteFiles(src).filter((file) => inline.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
