/** A stable colour per agency, so a person's avatar has the same colour on every screen. */
export function agencyColor(agencyId: string | null): string {
	if (!agencyId) return 'hsl(220 10% 45%)';
	let h = 0;
	for (const ch of agencyId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return `hsl(${h % 360} 60% 38%)`;
}

/** Up to two initials of a display name, e.g. "Nguyễn Văn An" -> "NA". */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	const first = words[0][0] ?? '';
	const last = words.length > 1 ? (words[words.length - 1][0] ?? '') : '';
	return (first + last).toUpperCase();
}
