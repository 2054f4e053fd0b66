import { AGENCY_KINDS, foldVietnamese, type AgencyKind } from '@planboard/plan-import';

/**
 * Why a directory change was refused. `message` is Vietnamese and names the field and the value,
 * because the admin page and the CLI show it as is; callers branch on `code`.
 */
export class DirectoryError extends Error {
	readonly code: 'INVALID' | 'NOT_FOUND' | 'CONFLICT';

	constructor(code: DirectoryError['code'], message: string) {
		super(message);
		this.name = 'DirectoryError';
		this.code = code;
	}
}

/** Longest name, short name or alias kept: the longest real agency name is about 120 characters. */
export const MAX_NAME_LENGTH = 200;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 64;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * A name as stored: NFC (so input methods that type decomposed marks compare equal), trimmed,
 * inner spaces collapsed. Refuses empty, overlong and control-character names with the reason.
 */
export function cleanName(value: unknown, label: string): string {
	if (typeof value !== 'string') throw new DirectoryError('INVALID', `Thiếu ${label}.`);
	if (CONTROL.test(value))
		throw new DirectoryError(
			'INVALID',
			`${capital(label)} chứa ký tự điều khiển (xuống dòng, tab...); hãy nhập trên một dòng.`
		);
	const name = value.normalize('NFC').trim().replace(/ {2,}/g, ' ');
	if (name === '') throw new DirectoryError('INVALID', `${capital(label)} không được để trống.`);
	if ([...name].length > MAX_NAME_LENGTH)
		throw new DirectoryError(
			'INVALID',
			`${capital(label)} dài ${[...name].length} ký tự, vượt quá giới hạn ${MAX_NAME_LENGTH}.`
		);
	return name;
}

export function checkId(id: string): string {
	if (id.length > MAX_ID_LENGTH || !ID.test(id))
		throw new DirectoryError(
			'INVALID',
			`Mã đơn vị "${id}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ so-khcn), tối đa ${MAX_ID_LENGTH} ký tự.`
		);
	return id;
}

/** An ASCII id made from a name: "Ủy ban nhân dân xã Ia Dom" -> "uy-ban-nhan-dan-xa-ia-dom". */
export function slugFromName(name: string): string {
	const slug = foldVietnamese(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX_ID_LENGTH)
		.replace(/-+$/, '');
	return slug === '' ? 'don-vi' : slug;
}

export function checkKind(kind: string): AgencyKind {
	if (!(AGENCY_KINDS as readonly string[]).includes(kind))
		throw new DirectoryError(
			'INVALID',
			`Loại đơn vị "${kind}" không hợp lệ; chọn một trong: ${AGENCY_KINDS.join(', ')}.`
		);
	return kind as AgencyKind;
}

/** A real calendar date written YYYY-MM-DD; `label` names the field in the message. */
export function checkDate(value: string, label: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
	if (!date || date.toISOString().slice(0, 10) !== value)
		throw new DirectoryError(
			'INVALID',
			`${capital(label)} "${value}" không hợp lệ; nhập theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01.`
		);
	return value;
}

/** The day before an ISO date: an agency retired on D existed until D - 1 (validTo is inclusive). */
export function dayBefore(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

export function dayAfter(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The matching key for name collisions: the importer's own folding (case, marks, spaces). */
export const nameKey = foldVietnamese;

function capital(label: string): string {
	return label.charAt(0).toUpperCase() + label.slice(1);
}
