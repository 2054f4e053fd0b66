import { error, fail } from '@sveltejs/kit';
import {
	AuthError,
	ROLES,
	createUserWithPassword,
	invalidateUserSessions,
	isRole,
	setUserPassword,
	type Role
} from '@planboard/auth';
import { DirectoryError, type User } from '@planboard/store';
import { runtime } from './runtime';

export function requireAdmin(locals: App.Locals): User {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	if (locals.user.role !== 'admin')
		error(403, { message: 'Chỉ quản trị viên được vào trang này.' });
	return locals.user;
}

/** Agencies a user may belong to: the installation's directory plus every board's own agencies. */
export function agencyOptions(): { id: string; name: string; kind: string }[] {
	const byId = new Map<string, { id: string; name: string; kind: string }>();
	const { store } = runtime();
	for (const a of store.agencies.list()) byId.set(a.id, { id: a.id, name: a.name, kind: a.kind });
	for (const plan of store.plans.list()) {
		for (const a of store.plans.agencies(plan.id))
			if (!byId.has(a.id)) byId.set(a.id, { id: a.id, name: a.name, kind: a.kind });
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * Runs one admin change; AuthError, directory refusals and validation problems come back as a
 * 400 with the reason.
 */
export async function adminAction(work: () => Promise<string>) {
	try {
		return { ok: true, message: await work() };
	} catch (e) {
		if (e instanceof AuthError || e instanceof AdminInputError || e instanceof DirectoryError)
			return fail(400, { ok: false, message: e.message });
		throw e;
	}
}

export class AdminInputError extends Error {}

/** Validates a role and agency pair from a form; returns the role typed. */
export function checkRoleAndAgency(role: string, agencyId: string | null): Role {
	if (!isRole(role))
		throw new AdminInputError(
			`Vai trò không hợp lệ: ${role}. Chọn một trong: ${ROLES.join(', ')}.`
		);
	if (agencyId && !agencyOptions().some((a) => a.id === agencyId))
		throw new AdminInputError(`Không có đơn vị "${agencyId}".`);
	if (role === 'officer' && !agencyId)
		throw new AdminInputError('Cán bộ đơn vị phải thuộc một đơn vị.');
	return role;
}

/** A change of role, agency or password, or a disable, ends the user's sessions and sockets. */
export async function endSessions(userId: string): Promise<void> {
	const { store, sync } = runtime();
	await invalidateUserSessions({ store, userId });
	sync.revokeUser(userId);
}

export { createUserWithPassword, setUserPassword };
