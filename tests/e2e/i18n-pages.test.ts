import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uiCatalog } from '../../apps/web/src/lib/i18n-catalog.js';
import {
	PLAN,
	boardSuite,
	firstTaskId,
	openCard,
	openFirstAsOfCard,
	rolePages,
	waitOnline
} from './board-helpers.js';

type Lang = 'vi' | 'en';
const LANGS: Lang[] = ['vi', 'en'];
const LANG_COOKIE = 'planboard_lang';
const BDBP = 'bch-bdbp';
/** A day after today: the progress board then has overdue rows, dates and every section. */
const LATER = '2030-01-15';
const TEXT_PLAN = readFileSync(
	new URL('../../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url),
	'utf8'
);
/**
 * The plans these pages show, as written: their wording (a title citing "Kết luận ... ngày
 * 15/6/2023") is user data, in the plan's own language and date style, not the UI's.
 */
const PLAN_SOURCES = [
	readFileSync(new URL('../../plans/gia-lai-2024-ttdn.txt', import.meta.url), 'utf8'),
	TEXT_PLAN
].map((text) => text.replace(/\s+/g, ' '));
/** Whether `text` around `index` (the word before it included) is quoted from a plan. */
function fromPlan(text: string, index: number, length: number): boolean {
	const quoted = text.slice(Math.max(0, index - 10), index + length);
	return PLAN_SOURCES.some((source) => source.includes(quoted));
}

const roles = rolePages(boardSuite());

/** A page of the role's context at `path`, in `lang` (the language cookie the switch sets). */
async function visit(username: string | null, path: string, lang: Lang): Promise<Page> {
	// The cookie the language switch sets (the test server listens on 127.0.0.1).
	await (
		await roles.context(username)
	).addCookies([{ name: LANG_COOKIE, value: lang, domain: '127.0.0.1', path: '/' }]);
	const page = await roles.newPage(username);
	await page.goto(path);
	expect(await page.getAttribute('html', 'lang')).toBe(lang);
	return page;
}

/**
 * What a reader meets on the page: each visible text node (screen-reader-only text included,
 * since it is read out) and the accessible names and hints given as attributes, whitespace
 * folded. Text the page shows from the plan itself (its wording, as written) is left out.
 */
function visibleTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			const text = fold(node.textContent ?? '');
			if (!el || !text || el.closest('script, style, template')) continue;
			if (!el.checkVisibility({ visibilityProperty: true })) continue;
			out.push(text);
		}
		for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
			if (!(el as HTMLElement).checkVisibility?.({ visibilityProperty: true })) continue;
			for (const attr of ['aria-label', 'placeholder', 'title']) {
				const value = fold(el.getAttribute(attr) ?? '');
				if (value) out.push(value);
			}
		}
		return out;
	});
}

const catalog = uiCatalog();
const hasPlaceholder = (text: string) => /\{\w+\}/.test(text);
/** A dictionary text with placeholders as a pattern over the whole rendered text. */
const templatePattern = (text: string) =>
	new RegExp(
		'^' +
			text
				.split(/\{\w+\}/)
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.+?') +
			'$',
		'u'
	);

/**
 * Texts only the other language uses: shown on this language's page, they are a string left
 * untranslated. A text both languages share ('Planboard') is never one. Templates count when
 * their fixed words are long enough to tell (`{name}, {time}` matches anything).
 */
function foreignTexts(lang: Lang): {
	exact: Set<string>;
	patterns: { text: string; re: RegExp }[];
} {
	const other: Lang = lang === 'vi' ? 'en' : 'vi';
	const own = new Set(catalog.map((e) => e[lang]));
	const exact = new Set<string>();
	const patterns: { text: string; re: RegExp }[] = [];
	for (const entry of catalog) {
		const text = entry[other];
		if (own.has(text)) continue;
		if (!hasPlaceholder(text)) exact.add(text);
		else if (text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length >= 8)
			patterns.push({ text, re: templatePattern(text) });
	}
	return { exact, patterns };
}
const FOREIGN = { vi: foreignTexts('vi'), en: foreignTexts('en') };

/** Dictionary keys as code writes them (camelCase or snake_case): never words of a sentence. */
const CODE_KEYS = new Set(catalog.map((e) => e.key).filter((k) => /[A-Z_]/.test(k)));
/** What on the page is not in `lang`: a dictionary key shown raw, or the other language's text. */
function untranslated(texts: string[], lang: Lang): string[] {
	const found: string[] = [];
	for (const text of texts) {
		// Plain-word keys ('admin', 'login') are also user names and English words, so only the
		// keys no sentence contains are looked for.
		for (const word of text.match(/[A-Za-z_]+/g) ?? [])
			if (CODE_KEYS.has(word))
				found.push(word === text ? `key "${text}"` : `key "${word}" in "${text}"`);
		if (FOREIGN[lang].exact.has(text)) found.push(`other language: "${text}"`);
		for (const { text: template, re } of FOREIGN[lang].patterns)
			if (re.test(text)) found.push(`other language: "${text}" (${template})`);
	}
	return [...new Set(found)];
}

/**
 * Dates written otherwise than dd/mm/yyyy on a Vietnamese page: ISO days (2024-11-05), and
 * slashed days that are unpadded or month first (5/11/2024, 11/30/2024).
 */
function misformattedDates(texts: string[]): string[] {
	const found: string[] = [];
	for (const text of texts) {
		for (const m of text.matchAll(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g))
			if (!fromPlan(text, m.index, m[0].length)) found.push(`ISO "${m[0]}" in "${text}"`);
		for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g)) {
			const [all, day, month] = m;
			const wrong = day.length !== 2 || month.length !== 2 || Number(month) > 12;
			if (wrong && !fromPlan(text, m.index, all.length)) found.push(`"${all}" in "${text}"`);
		}
	}
	return found;
}

const DMY = /(?<![\d/])\d{2}\/\d{2}\/\d{4}(?![\d/])/;

/**
 * The page in both languages: nothing untranslated in either, and on the Vietnamese one every
 * date dd/mm/yyyy. `ready` waits for the page's state; `dated` says the page shows dates, so
 * at least one must be there (a check that found no date at all would prove nothing).
 */
async function checkBothLanguages(
	username: string | null,
	path: string | (() => Promise<string>),
	options: { ready?: (page: Page) => Promise<void>; dated?: boolean } = {}
): Promise<void> {
	for (const lang of LANGS) {
		const page = await visit(username, typeof path === 'string' ? path : await path(), lang);
		await options.ready?.(page);
		const texts = await visibleTexts(page);
		// The page is in this language: some of its own dictionary's texts are on it.
		const own = new Set(catalog.map((e) => e[lang]));
		expect(texts.filter((t) => own.has(t)).length, `${path} ${lang}`).toBeGreaterThan(0);
		expect(untranslated(texts, lang), `${page.url()} in ${lang}`).toEqual([]);
		if (lang === 'vi') {
			expect(misformattedDates(texts), page.url()).toEqual([]);
			if (options.dated)
				expect(
					texts.some((t) => DMY.test(t)),
					page.url()
				).toBe(true);
		}
	}
}

async function boardReady(page: Page): Promise<void> {
	await waitOnline(page);
}

describe('every page in Vietnamese and in English', { timeout: 180_000 }, () => {
	it('the check finds a raw key, the other language and an ISO date', async () => {
		const page = await visit(null, '/login', 'vi');
		await page.evaluate(() => {
			const p = document.createElement('p');
			p.innerHTML =
				'<span>notificationsEmpty</span><span>Sign out</span><span>Hạn 2024-11-05</span><span>Hạn 11/30/2024</span>' +
				'<span>Kết luận số 57-KL/TW ngày 15/6/2023</span>';
			document.body.append(p);
		});
		const texts = await visibleTexts(page);
		expect(untranslated(texts, 'vi')).toEqual([
			'key "notificationsEmpty"',
			'other language: "Sign out"'
		]);
		expect(misformattedDates(texts)).toEqual([
			'ISO "2024-11-05" in "Hạn 2024-11-05"',
			'"11/30/2024" in "Hạn 11/30/2024"'
		]);
	});

	it('login page', async () => {
		await checkBothLanguages(null, '/login');
	});

	it('digest unsubscribe page and its answer to an unknown link', async () => {
		await checkBothLanguages(null, `/unsubscribe/${'A'.repeat(43)}`, {
			ready: async (page) => {
				await page.locator('.unsubscribe form button').click();
				await page.getByRole('alert').waitFor();
			}
		});
	});

	it('plan list with the calendar feed', async () => {
		await checkBothLanguages('bdbp', '/', {
			ready: (page) => page.getByTestId('calendar-feed').waitFor()
		});
	});

	it('board with every lane and an officer’s card detail', async () => {
		await checkBothLanguages('bdbp', `/plans/${PLAN}?scope=all`, {
			dated: true,
			ready: async (page) => {
				await boardReady(page);
				const detail = await openCard(page, BDBP, await firstTaskId(page, BDBP));
				await detail.getByTestId('card-history').waitFor();
			}
		});
	});

	it('board for a coordinator with the plan editor open on a task', async () => {
		await checkBothLanguages('sotttt', `/plans/${PLAN}?agency=${BDBP}`, {
			dated: true,
			ready: async (page) => {
				await boardReady(page);
				await page.getByTestId('plan-edit-toggle').click();
				await page.getByTestId('plan-task').first().locator('.pick').click();
				await page.getByTestId('plan-task-editor').waitFor();
			}
		});
	});

	it('board as of an instant, with a card detail', async () => {
		const instant = encodeURIComponent(new Date().toISOString());
		await checkBothLanguages('bdbp', `/plans/${PLAN}?agency=${BDBP}&asOf=${instant}`, {
			dated: true,
			ready: async (page) => {
				await openFirstAsOfCard(page, BDBP);
			}
		});
	});

	it('progress board with downloads', async () => {
		await checkBothLanguages('sotttt', `/plans/${PLAN}/progress?asOf=${LATER}`, {
			dated: true,
			ready: (page) => page.locator('[data-testid="progress-live"][data-state="online"]').waitFor()
		});
	});

	it('reports page', async () => {
		await checkBothLanguages('sotttt', `/plans/${PLAN}/reports`, {
			ready: (page) => page.getByRole('heading', { level: 1 }).waitFor()
		});
	});

	it('share links page and the shared progress board', async () => {
		let shared = '';
		await checkBothLanguages('sotttt', '/admin/links', {
			ready: async (page) => {
				await page.getByTestId('link-label').fill('Kiểm tra ngôn ngữ');
				await page.getByTestId('create-link').click();
				shared = new URL(await page.getByTestId('share-url').inputValue()).pathname;
				await page.getByTestId('link-row').first().waitFor();
			}
		});
		await checkBothLanguages(null, () => Promise.resolve(shared), {
			dated: true,
			ready: (page) => page.locator('[data-testid="progress-live"][data-state="online"]').waitFor()
		});
	});

	it('account page', async () => {
		await checkBothLanguages('bdbp', '/account', {
			ready: (page) => page.getByTestId('account-email').waitFor()
		});
	});

	it('admin page', async () => {
		await checkBothLanguages('admin', '/admin');
	});

	it('new plan page with a preview', async () => {
		await checkBothLanguages('sotttt', '/plans/new', {
			ready: async (page) => {
				await page.getByTestId('plan-text').fill(TEXT_PLAN);
				await page.getByTestId('preview-plan').click();
				await page.getByTestId('plan-preview').waitFor();
			}
		});
	});
});
