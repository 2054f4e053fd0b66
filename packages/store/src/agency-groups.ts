import type { DirectoryGroup } from '@planboard/plan-import';
import { DirectoryError, checkId, cleanName, nameKey, slugFromName } from './agency-rules.js';
import type { RepoContext } from './context.js';

/**
 * Groups of the directory ("Các sở, ban, ngành", "UBND các xã, phường, đặc khu"): a plan that
 * names a group assigns the task to its members. Used inside the agencies repository, whose
 * methods run these in their own transactions.
 */
export function createGroupStatements(ctx: RepoContext) {
	const { db } = ctx;
	const q = {
		all: db.prepare<[], { id: string; name: string; aliases: string }>(
			'SELECT id, name, aliases FROM agency_groups ORDER BY position'
		),
		exists: db.prepare<[string], { one: number }>(
			'SELECT 1 AS one FROM agency_groups WHERE id = ?'
		),
		members: db.prepare<[], { group_id: string; agency_id: string }>(
			'SELECT group_id, agency_id FROM agency_group_members ORDER BY group_id, position'
		),
		insert: db.prepare<[string, string, string]>(
			`INSERT INTO agency_groups (id, name, aliases, position)
			VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM agency_groups))`
		),
		join: db.prepare<[string, string, string]>(
			`INSERT INTO agency_group_members (group_id, agency_id, position)
			VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM agency_group_members WHERE group_id = ?))
			ON CONFLICT DO NOTHING`
		)
	};

	const list = (): DirectoryGroup[] => {
		const members = new Map<string, string[]>();
		for (const m of q.members.all())
			members.set(m.group_id, [...(members.get(m.group_id) ?? []), m.agency_id]);
		return q.all.all().map((g) => {
			const aliases = JSON.parse(g.aliases) as string[];
			return {
				id: g.id,
				name: g.name,
				...(aliases.length > 0 && { aliases }),
				members: members.get(g.id) ?? []
			};
		});
	};

	/** Refuses unknown group ids before anything is written. */
	const checkExisting = (groupIds: readonly string[]) => {
		for (const id of groupIds)
			if (!q.exists.get(id)) throw new DirectoryError('NOT_FOUND', `Không có nhóm mã "${id}".`);
	};

	return {
		list,
		checkExisting,
		/** Adds `agencyId` at the end of each group (no-op where it is a member already). */
		join(agencyId: string, groupIds: readonly string[]) {
			for (const id of groupIds) q.join.run(id, agencyId, id);
		},
		/** Validates and inserts a group; members must be existing agency ids (checked by the caller). */
		insert(input: { id?: string; name: string; aliases?: string[] }): string {
			const name = cleanName(input.name, 'tên nhóm');
			const aliases = (input.aliases ?? []).map((a) => cleanName(a, 'tên khác của nhóm'));
			const taken = list().find((g) =>
				[g.name, ...(g.aliases ?? [])].some((n) =>
					[name, ...aliases].some((m) => nameKey(m) === nameKey(n))
				)
			);
			if (taken)
				throw new DirectoryError(
					'CONFLICT',
					`Tên "${name}" trùng với nhóm "${taken.name}" (${taken.id}).`
				);
			let id = input.id === undefined ? slugFromName(name) : checkId(input.id);
			if (input.id === undefined)
				for (let n = 2; q.exists.get(id); n++) id = `${slugFromName(name).slice(0, 60)}-${n}`;
			else if (q.exists.get(id))
				throw new DirectoryError('CONFLICT', `Mã nhóm "${id}" đã có; hãy chọn mã khác.`);
			q.insert.run(id, name, JSON.stringify(aliases));
			return id;
		}
	};
}
