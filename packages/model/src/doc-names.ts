import { isId } from './ids.js';

/**
 * Yjs document names: the wire constants web, sync, the reports and backups share. An id in a
 * name follows the model's one id rule (`isId`: 1-128 characters, no '/' or whitespace), so a
 * name always splits unambiguously on '/'.
 */
export type DocName =
	| { kind: 'plan'; planId: string }
	| { kind: 'agency'; planId: string; agencyId: string };

/** True for an id that may stand in a document name: the model's id rule, nothing stricter. */
export function isDocId(id: string): boolean {
	return isId(id);
}

function checkId(label: string, id: string): string {
	if (!isId(id)) {
		throw new RangeError(
			`${label} ${JSON.stringify(id)} must be 1-128 characters without '/' or whitespace`
		);
	}
	return id;
}

/** The plan-wide board: `plan/<planId>`. */
export function planDocName(planId: string): string {
	return `plan/${checkId('planId', planId)}`;
}

/** One agency's board within a plan: `plan/<planId>/agency/<agencyId>`. */
export function agencyDocName(options: { planId: string; agencyId: string }): string {
	return `${planDocName(options.planId)}/agency/${checkId('agencyId', options.agencyId)}`;
}

/** Returns null for any name that is not exactly one of the two shapes. */
export function parseDocName(name: string): DocName | null {
	const parts = name.split('/');
	if (parts[0] !== 'plan' || !isId(parts[1] ?? '')) return null;
	if (parts.length === 2) return { kind: 'plan', planId: parts[1] };
	if (parts.length === 4 && parts[2] === 'agency' && isId(parts[3])) {
		return { kind: 'agency', planId: parts[1], agencyId: parts[3] };
	}
	return null;
}
