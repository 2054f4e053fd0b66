/**
 * Branded ids. A task id and an agency id are both strings at runtime; the brand keeps one from
 * being passed where the other belongs. Ids appear inside document names
 * (`plan/<planId>/agency/<agencyId>`), so they never contain `/` or whitespace.
 */
export type PlanId = string & { readonly __brand: 'PlanId' };
export type AgencyId = string & { readonly __brand: 'AgencyId' };
export type TaskId = string & { readonly __brand: 'TaskId' };

const ID_PATTERN = /^[^\s/]{1,128}$/u;

/** True for a string usable as an id (and so inside a document name). */
export function isId(s: unknown): s is string {
	return typeof s === 'string' && ID_PATTERN.test(s);
}

function checkId(kind: string, s: string): void {
	if (!isId(s)) {
		throw new TypeError(
			`Invalid ${kind} ${JSON.stringify(s)}: expected 1-128 characters without '/' or whitespace`
		);
	}
}

export function asPlanId(s: string): PlanId {
	checkId('PlanId', s);
	return s as PlanId;
}

export function asAgencyId(s: string): AgencyId {
	checkId('AgencyId', s);
	return s as AgencyId;
}

export function asTaskId(s: string): TaskId {
	checkId('TaskId', s);
	return s as TaskId;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random id for entries created by clients (checklist items, evidence, updates, milestones).
 * Random rather than sequential because replicas create entries concurrently and offline.
 */
export function newId(): string {
	const bytes = new Uint8Array(12);
	globalThis.crypto.getRandomValues(bytes);
	let out = '';
	for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
	return out;
}
