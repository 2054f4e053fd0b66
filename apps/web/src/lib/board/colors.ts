/**
 * A stable colour per agency, so a person's avatar has the same colour on every screen. Dark
 * enough at every hue for the avatar's white initials to reach WCAG AA (4.5:1): at 38% lightness
 * the yellow-greens were 3.3:1.
 */
export function agencyColor(agencyId: string | null): string {
	if (!agencyId) return 'hsl(220 10% 40%)';
	let h = 0;
	for (const ch of agencyId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return `hsl(${h % 360} 60% 28%)`;
}

/** Up to two initials of a display name, e.g. "Nguyễn Văn An" -> "NA". */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	const first = words[0][0] ?? '';
	const last = words.length > 1 ? (words[words.length - 1][0] ?? '') : '';
	return (first + last).toUpperCase();
}
