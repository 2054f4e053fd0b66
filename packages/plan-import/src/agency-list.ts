const HEAD = new RegExp(
	'^(?:Sở|Ủy ban|Uỷ ban|UBND|UB|Ban|Bộ|Công an|Cục|Chi cục|Báo|Đài|Văn phòng|Tỉnh ủy|Tỉnh uỷ|' +
		'Tỉnh đoàn|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Hội|Liên đoàn|Liên minh|Đoàn|' +
		'Trung tâm|Kho bạc|Ngân hàng|Bảo hiểm|Trường|Viện|Học viện|Mặt trận|Thanh tra|Tòa án|Toà án|' +
		'Hải quan|Các|Quỹ|Công ty|Tổng công ty|Bệnh viện|Cảng vụ|Hạt|Vườn|Đồn|Phòng|Cổng|Tạp chí|' +
		'Thông tấn|Kiểm toán|Hội đồng|Chi nhánh|Điện lực|Bưu điện|Thường trực|Lãnh đạo|Cơ quan|Đơn vị)' +
		'(?=[\\s,;]|$)|^các\\s+(?:sở|cơ quan|đơn vị|địa phương|tổ chức|hội|đoàn thể|doanh nghiệp|phòng|trường)(?=[\\s,;]|$)',
	'u'
);
const ENUMERATION =
	/^(.*?)\s*\bcác\s+(huyện|thị xã|thành phố|quận|xã|phường|thị trấn|sở)(?:\s[^:]{0,60})?:\s*(.+)$/iu;
const SEPARATOR = /\s*,\s*(?:và\s+)?|\s+và\s+/gu;

function splitTopLevel(text: string, separator: RegExp, keep: (rest: string) => boolean): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	const depthAt: number[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '(') depth++;
		depthAt.push(depth);
		if (text[i] === ')' && depth > 0) depth--;
	}
	separator.lastIndex = 0;
	for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
		if (m[0].length === 0) {
			separator.lastIndex++;
			continue;
		}
		const end = m.index + m[0].length;
		if (depthAt[m.index] === 0 && keep(text.slice(end))) {
			parts.push(text.slice(start, m.index));
			start = end;
		}
	}
	parts.push(text.slice(start));
	return parts.map((p) => p.trim().replace(/^[-–,;:\s]+|[\s.;,:]+$/gu, '')).filter((p) => p !== '');
}

/**
 * Splits an agency list on agency boundaries only: ";" always, "," and "và" only before a word
 * that starts an agency name. So "Sở Văn hóa, Thể thao và Du lịch" and "Ủy ban nhân dân các
 * huyện, thị xã, thành phố" stay whole, and "UBND các huyện biên giới: Đức Cơ, Chư Prông và
 * Ia Grai" becomes one mention per district.
 */
export function splitAgencies(text: string): string[] {
	const out: string[] = [];
	for (const part of splitTopLevel(text, /\s*;\s*/gu, () => true)) {
		const m = ENUMERATION.exec(part);
		if (m) {
			const names = splitTopLevel(m[3], SEPARATOR, () => true);
			const prefix = m[1].trim();
			for (const name of names) out.push(`${prefix} ${m[2].toLowerCase()} ${name}`.trim());
			continue;
		}
		out.push(...splitTopLevel(part, SEPARATOR, (rest) => HEAD.test(rest)));
	}
	return out;
}

/** Strips the courtesy prefix of a duty heading ("Đề nghị Ban Tuyên giáo Tỉnh ủy"). */
export function stripRequest(text: string): string {
	return text.replace(/^(?:Đề nghị|Trách nhiệm của|Giao)\s+/iu, '');
}

/** Whether the text opens like an agency name. */
export function looksLikeAgency(text: string): boolean {
	return HEAD.test(stripRequest(text));
}
