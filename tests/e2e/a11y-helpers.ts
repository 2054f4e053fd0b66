import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/** The impacts that fail a page: axe's "serious" and "critical" (WCAG A/AA failures mostly). */
const FAILING = new Set(['serious', 'critical']);

/**
 * axe-core's violations of serious or critical impact on the page as it is now, one readable
 * line per rule and element (so a failing test names what to fix), or an empty list.
 * `include` limits the check to part of the page; `rules` to some rules.
 */
export async function seriousViolations(
	page: Page,
	options: { include?: string; rules?: string[] } = {}
): Promise<string[]> {
	// Legacy mode runs axe in the page itself instead of opening a blank page per check (these
	// pages have no frames), and only violations are collected: both keep a check to seconds.
	let builder = new AxeBuilder({ page })
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] });
	if (options.include) builder = builder.include(options.include);
	if (options.rules) builder = builder.withRules(options.rules);
	const results = await builder.analyze();
	return results.violations
		.filter((v) => FAILING.has(v.impact ?? ''))
		.flatMap((v) =>
			v.nodes.map(
				(n) =>
					`${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`
			)
		);
}

/**
 * Whether the focused element shows where focus is: a non-none outline of some width, or a
 * box-shadow (the two ways this app and Chromium's default draw a focus ring).
 */
export async function focusIndicator(page: Page): Promise<{
	element: string;
	visible: boolean;
}> {
	return page.evaluate(() => {
		let el = document.activeElement;
		while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
		if (!el || el === document.body) return { element: 'body', visible: false };
		const s = getComputedStyle(el);
		const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
		const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
		const name =
			el.getAttribute('data-testid') ??
			el.getAttribute('aria-label') ??
			(el.textContent ?? '').trim().slice(0, 40);
		return { element: `${el.tagName.toLowerCase()} "${name}"`, visible: outline || shadow };
	});
}

/**
 * Presses Tab until `done` holds for the focused element (or `max` presses), checking at every
 * stop that focus is visible; returns the stops it passed. Fails naming the first stop without a
 * visible focus indicator.
 */
export async function tabUntil(
	page: Page,
	done: Locator | ((page: Page) => Promise<boolean>),
	max = 80,
	key = 'Tab'
): Promise<string[]> {
	const reached =
		typeof done === 'function'
			? () => done(page)
			: () => done.evaluate((el) => el === document.activeElement).catch(() => false);
	const stops: string[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(key);
		const focus = await focusIndicator(page);
		stops.push(focus.element);
		if (!focus.visible && focus.element !== 'body') {
			throw new Error(`focus not visible on ${focus.element} after ${stops.join(' → ')}`);
		}
		if (await reached()) return stops;
	}
	throw new Error(`not reached after ${max} presses of ${key}: ${stops.join(' → ')}`);
}

/** Relative luminance of an sRGB colour as getComputedStyle gives it (`rgb(r, g, b)`). */
function luminance(rgb: string): number {
	const parts = rgb
		.match(/[\d.]+/g)
		?.slice(0, 3)
		.map(Number);
	if (!parts || parts.length < 3) throw new Error(`not an rgb colour: ${rgb}`);
	const [r, g, b] = parts.map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two `rgb(...)` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

/** The document's scroll width beside the viewport's: wider means the page scrolls sideways. */
export function pageWidth(page: Page): Promise<{ scrollWidth: number; width: number }> {
	return page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		width: document.documentElement.clientWidth
	}));
}
