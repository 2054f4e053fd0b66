/**
 * Yjs document names: the wire constants web and sync share. Ids are `[a-z0-9-]{1,64}` so a name
 * always splits unambiguously on "/" and is safe in URLs, logs and file names.
 */
export type DocName =
	| { kind: 'plan'; planId: string }
	| { kind: 'agency'; planId: string; agencyId: string };

export const DOC_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

export function isDocId(id: string): boolean {
	return DOC_ID_PATTERN.test(id);
}

function checkId(label: string, id: string): string {
	if (!isDocId(id)) {
		throw new RangeError(`${label} "${id}" must match ${DOC_ID_PATTERN.source}`);
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
	if (parts[0] !== 'plan' || !isDocId(parts[1] ?? '')) return null;
	if (parts.length === 2) return { kind: 'plan', planId: parts[1] };
	if (parts.length === 4 && parts[2] === 'agency' && isDocId(parts[3])) {
		return { kind: 'agency', planId: parts[1], agencyId: parts[3] };
	}
	return null;
}
