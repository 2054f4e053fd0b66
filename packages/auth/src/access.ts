import type { UserRole } from '@planboard/store';
import { parseDocName } from '@planboard/model';

/**
 * admin: everything, including users. coordinator: edits every board. officer: edits their own
 * agency's board and reads the rest. viewer: reads everything.
 */
export type Role = UserRole;

export const ROLES = [
	'admin',
	'coordinator',
	'officer',
	'viewer'
] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
	return (ROLES as readonly unknown[]).includes(value);
}

/** What a connection may do with a document; 'read' connections must be opened read-only. */
export type DocumentAccess = 'write' | 'read' | 'none';

/**
 * The single access rule for Yjs documents, used by both the sync server and the web app.
 * Unknown document names and unknown roles get 'none', so a typo never grants access.
 */
export function documentAccess(options: {
	user: { role: string; agencyId: string | null };
	document: string;
}): DocumentAccess {
	const { user } = options;
	const doc = parseDocName(options.document);
	if (!doc || !isRole(user.role)) return 'none';
	switch (user.role) {
		case 'admin':
		case 'coordinator':
			return 'write';
		case 'officer':
			return doc.kind === 'agency' && user.agencyId !== null && doc.agencyId === user.agencyId
				? 'write'
				: 'read';
		case 'viewer':
			return 'read';
	}
}
