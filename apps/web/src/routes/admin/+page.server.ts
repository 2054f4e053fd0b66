import { emailProblem } from '@planboard/auth';
import { directoryActions, directoryView } from '$lib/server/directory-admin';
import { runtime } from '$lib/server/runtime';
import {
	adminAction,
	agencyOptions,
	checkRoleAndAgency,
	createUserWithPassword,
	endSessions,
	requireAdmin,
	setUserPassword,
	AdminInputError
} from '$lib/server/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireAdmin(locals);
	const { store } = runtime();
	return { users: store.users.list(), agencies: agencyOptions(), directory: directoryView() };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
	...directoryActions,
	create: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		return adminAction(async () => {
			const agencyId = text(form, 'agencyId') || null;
			const role = checkRoleAndAgency(text(form, 'role'), agencyId);
			const user = await createUserWithPassword({
				store: runtime().store,
				username: text(form, 'username'),
				displayName: text(form, 'displayName'),
				role,
				agencyId,
				password: String(form.get('password') ?? '')
			});
			runtime().store.audit.log({
				userId: locals.user!.id,
				action: 'user.create',
				detail: user.username
			});
			return `Đã tạo tài khoản ${user.username}.`;
		});
	},
	update: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		return adminAction(async () => {
			const { store } = runtime();
			const id = text(form, 'id');
			const agencyId = text(form, 'agencyId') || null;
			const role = checkRoleAndAgency(text(form, 'role'), agencyId);
			if (id === locals.user!.id && role !== 'admin')
				throw new AdminInputError('Không thể tự bỏ quyền quản trị của mình.');
			const user = store.users.update({
				id,
				role,
				agencyId,
				displayName: text(form, 'displayName') || undefined
			});
			if (!user) throw new AdminInputError('Không tìm thấy tài khoản.');
			await endSessions(id);
			store.audit.log({
				userId: locals.user!.id,
				action: 'user.update',
				detail: `${user.username} ${role} ${agencyId ?? '-'}`
			});
			return `Đã cập nhật ${user.username}.`;
		});
	},
	resetPassword: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		return adminAction(async () => {
			const { store } = runtime();
			const id = text(form, 'id');
			await setUserPassword({ store, userId: id, password: String(form.get('password') ?? '') });
			await endSessions(id);
			store.audit.log({ userId: locals.user!.id, action: 'user.reset_password', detail: id });
			return 'Đã đặt lại mật khẩu; các phiên cũ đã bị hủy.';
		});
	},
	setEmail: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		return adminAction(async () => {
			const { store } = runtime();
			const email = text(form, 'email') || null;
			const problem = email === null ? null : emailProblem(email);
			if (problem) throw new AdminInputError(problem);
			const user = store.users.update({
				id: text(form, 'id'),
				email,
				emailDigest: form.get('emailDigest') === 'on'
			});
			if (!user) throw new AdminInputError('Không tìm thấy tài khoản.');
			store.audit.log({
				userId: locals.user!.id,
				action: 'user.email',
				detail: `${user.username} ${user.emailDigest ? 'digest' : 'no-digest'}`
			});
			return `Đã lưu email của ${user.username}.`;
		});
	},
	setDisabled: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		return adminAction(async () => {
			const { store } = runtime();
			const id = text(form, 'id');
			const disabled = text(form, 'disabled') === 'true';
			if (id === locals.user!.id)
				throw new AdminInputError('Không thể tự khóa tài khoản của mình.');
			const user = store.users.update({ id, disabled });
			if (!user) throw new AdminInputError('Không tìm thấy tài khoản.');
			if (disabled) await endSessions(id);
			store.audit.log({
				userId: locals.user!.id,
				action: disabled ? 'user.disable' : 'user.enable',
				detail: user.username
			});
			return disabled ? `Đã khóa ${user.username}.` : `Đã mở khóa ${user.username}.`;
		});
	}
};
