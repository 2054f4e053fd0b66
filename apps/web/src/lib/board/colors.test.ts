import { describe, expect, it } from 'vitest';
import { agencyColor } from './colors';

/** sRGB channels (0-1) of a CSS `hsl(h s% l%)` colour. */
function hslToRgb(css: string): [number, number, number] {
	const m = /^hsl\((\d+) (\d+)% (\d+)%\)$/.exec(css);
	if (!m) throw new Error(`not an hsl colour: ${css}`);
	const [h, s, l] = [Number(m[1]), Number(m[2]) / 100, Number(m[3]) / 100];
	const f = (n: number) => {
		const k = (n + h / 30) % 12;
		return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
	};
	return [f(0), f(8), f(4)];
}

/** WCAG 2 contrast of white text on a colour. */
function contrastWithWhite(css: string): number {
	const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	const [r, g, b] = hslToRgb(css).map(lin);
	return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('agencyColor', () => {
	it('is stable per agency', () => {
		expect(agencyColor('bch-bdbp')).toBe(agencyColor('bch-bdbp'));
		expect(agencyColor('bch-bdbp')).not.toBe(agencyColor('ubnd-duc-co'));
	});

	it('keeps white initials at 4.5:1 or more at every hue, and without an agency', () => {
		// Ids enough to reach every hue the hash gives (0-359), plus the no-agency grey.
		const colors = new Set([agencyColor(null)]);
		for (let i = 0; colors.size < 361 && i < 100_000; i++) colors.add(agencyColor(`agency-${i}`));
		expect(colors.size).toBe(361);
		const worst = [...colors].sort((a, b) => contrastWithWhite(a) - contrastWithWhite(b))[0];
		expect(contrastWithWhite(worst), worst).toBeGreaterThanOrEqual(4.5);
	});
});
