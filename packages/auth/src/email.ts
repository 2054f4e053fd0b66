/** Longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Why a string cannot be a user's email address, in Vietnamese, or null. Only the shape is
 * checked (one @, no spaces, a dotted domain): the mail server is the judge of the rest.
 */
export function emailProblem(value: string): string | null {
	if (value.length > MAX_EMAIL_LENGTH) return `Địa chỉ email dài quá ${MAX_EMAIL_LENGTH} ký tự.`;
	if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]+$/.test(value))
		return `"${value.slice(0, 80)}" không phải địa chỉ email.`;
	return null;
}
