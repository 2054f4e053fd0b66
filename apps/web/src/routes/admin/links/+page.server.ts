import { fail, redirect } from '@sveltejs/kit';
import {
	ShareInputError,
	createShareLink,
	publicShareLink,
	requireShareManager,
	revokeShareLink
} from '$lib/progress/share-links.server';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	requireShareManager(locals);
	const { store } = runtime();
	const plans = store.plans.list();
	const users = new Map(store.users.list().map((u) => [u.id, u.displayName]));
	return {
		plans: plans.map((p) => ({ id: p.id, title: p.title })),
		links: store.shareLinks.list().map((l) => ({
			...publicShareLink(l),
			createdByName: l.createdBy ? (users.get(l.createdBy) ?? null) : null
		}))
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const user = requireShareManager(locals);
		const form = await request.formData();
		try {
			const created = createShareLink({
				planId: text(form, 'planId'),
				label: text(form, 'label'),
				expires: text(form, 'expires') || null,
				user
			});
			// Shown once: only the hash is kept, so the link cannot be displayed again later.
			return { ok: true, created: { id: created.id, url: new URL(created.path, url).href } };
		} catch (e) {
			if (e instanceof ShareInputError) return fail(400, { ok: false, message: e.message });
			throw e;
		}
	},
	revoke: async ({ request, locals }) => {
		const user = requireShareManager(locals);
		const form = await request.formData();
		const id = text(form, 'id');
		if (!revokeShareLink({ id, user }))
			return fail(404, { ok: false, message: 'Không tìm thấy liên kết.' });
		return { ok: true, revoked: id };
	}
};
