import type { RequestEvent } from '@sveltejs/kit';
import { AGENCY_KINDS } from '@planboard/plan-import';
import { formatDate } from '$lib/i18n';
import { adminAction, requireAdmin } from './admin';
import { runtime } from './runtime';

/** The directory as the admin page shows it: every agency, retired ones with their end and successors. */
export function directoryView() {
	const { store } = runtime();
	return {
		province: store.agencies.province() ?? '',
		agencies: store.agencies.list(),
		groups: store.agencies.groups(),
		kinds: [...AGENCY_KINDS]
	};
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** Every non-blank value of a multiple select. */
const all = (form: FormData, name: string) =>
	form
		.getAll(name)
		.map((v) => String(v).trim())
		.filter(Boolean);
/** Absent or blank optional fields are undefined, so the store applies its defaults. */
const optional = (form: FormData, name: string) => text(form, name) || undefined;

/**
 * One directory change from the admin page: admins only (403 otherwise), refusals from the
 * store come back as 400 with their Vietnamese reason, and every change is audited.
 */
function directoryAction(
	action: string,
	work: (form: FormData) => { message: string; detail: unknown }
) {
	return async ({ request, locals }: RequestEvent) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		return adminAction(async () => {
			const { message, detail } = work(form);
			runtime().store.audit.log({ userId: admin.id, action, detail });
			return message;
		});
	};
}

export const directoryActions = {
	agencyAdd: directoryAction('agency.add', (form) => {
		const agency = runtime().store.agencies.add({
			name: String(form.get('name') ?? ''),
			shortName: optional(form, 'shortName'),
			kind: optional(form, 'kind'),
			id: optional(form, 'id'),
			validFrom: optional(form, 'validFrom'),
			groupIds: all(form, 'groupIds')
		});
		return { message: `Đã thêm đơn vị ${agency.name} (mã ${agency.id}).`, detail: agency };
	}),
	agencyRename: directoryAction('agency.rename', (form) => {
		const { store } = runtime();
		const before = store.agencies.get(text(form, 'id'));
		const agency = store.agencies.rename({
			id: text(form, 'id'),
			name: String(form.get('name') ?? ''),
			shortName: optional(form, 'shortName')
		});
		return {
			message: `Đã đổi tên "${before?.name}" thành "${agency.name}"; tên cũ vẫn được nhận ra trong các kế hoạch.`,
			detail: agency
		};
	}),
	agencyRetire: directoryAction('agency.retire', (form) => {
		const { store } = runtime();
		const agency = store.agencies.retire({
			id: text(form, 'id'),
			on: text(form, 'on'),
			successorIds: all(form, 'successorIds')
		});
		return { message: `Đã ghi nhận: ${ended(agency)}.`, detail: agency };
	}),
	groupAdd: directoryAction('agency.group_add', (form) => {
		const group = runtime().store.agencies.addGroup({
			name: String(form.get('name') ?? ''),
			aliases: String(form.get('aliases') ?? '')
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean),
			memberIds: all(form, 'memberIds')
		});
		return {
			message: `Đã thêm nhóm ${group.name} (mã ${group.id}, ${group.members.length} đơn vị).`,
			detail: group
		};
	}),
	agencyMerge: directoryAction('agency.merge', (form) => {
		const agency = runtime().store.agencies.merge({
			id: text(form, 'id'),
			intoId: text(form, 'intoId'),
			on: text(form, 'on')
		});
		return { message: `Đã sáp nhập: ${ended(agency)}.`, detail: agency };
	})
};

function ended(agency: { name: string; validTo?: string; successorIds?: string[] }): string {
	const { store } = runtime();
	const names = (agency.successorIds ?? []).map((id) => store.agencies.get(id)?.name ?? id);
	const successors = names.length > 0 ? `, đơn vị kế thừa: ${names.join(', ')}` : '';
	return `${agency.name} hoạt động đến hết ngày ${formatDate(agency.validTo)}${successors}`;
}
