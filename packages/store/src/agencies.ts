import type {
	AgencyDirectory,
	AgencyKind,
	DirectoryAgency,
	DirectoryGroup
} from '@planboard/plan-import';
import {
	DirectoryError,
	checkDate,
	checkId,
	checkKind,
	cleanName,
	dayAfter,
	dayBefore,
	nameKey,
	slugFromName
} from './agency-rules.js';
import { createGroupStatements } from './agency-groups.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';

export interface AddAgencyInput {
	/** Derived from the name when absent (ASCII slug, suffixed -2, -3... when taken). */
	id?: string;
	name: string;
	/** The name when absent. */
	shortName?: string;
	/** `other` when absent. */
	kind?: string;
	/** First day the agency exists (e.g. a commune created on 2025-07-01); open when absent. */
	validFrom?: string;
	note?: string;
	/** Groups it joins, e.g. "UBND các xã, phường, đặc khu"; each must exist. */
	groupIds?: string[];
}

/**
 * The installation's agency directory, kept by its admin. Every change is dated or keeps history:
 * a rename keeps the old names as aliases (plans written before it still match), a retirement sets
 * the last day and names successors, nothing is ever deleted. Refusals throw DirectoryError.
 */
export interface AgenciesRepo {
	/** Every agency in directory order; with `asOf`, only those that existed on that day. */
	list(options?: { asOf?: string }): DirectoryAgency[];
	get(id: string): DirectoryAgency | null;
	groups(): DirectoryGroup[];
	/** A new group; the id defaults to a slug of the name; members must exist. */
	addGroup(input: {
		id?: string;
		name: string;
		aliases?: string[];
		memberIds?: string[];
	}): DirectoryGroup;
	/** The province or ministry the directory serves; null before it is seeded or started. */
	province(): string | null;
	add(input: AddAgencyInput): DirectoryAgency;
	/** New name (and short name); the previous ones become aliases. */
	rename(input: { id: string; name: string; shortName?: string }): DirectoryAgency;
	/**
	 * The agency ends the day before `on`; `successorIds` must exist on `on`. Again on the same
	 * day replaces the successors (the seed dates the 2025 retirements but cannot name communes).
	 */
	retire(input: { id: string; on: string; successorIds?: string[] }): DirectoryAgency;
	/** `id` ends the day before `on` with `intoId` as its successor. */
	merge(input: { id: string; intoId: string; on: string }): DirectoryAgency;
	/** Fills a directory that was never seeded or started; returns false (and changes nothing) otherwise. */
	seed(directory: AgencyDirectory): boolean;
	/**
	 * What the importer takes. Without `asOf`: every agency, retired ones included, so old names
	 * still match and `validityWarnings` can name successors. With `asOf`: the directory of that
	 * day (groups keep only members that existed then; empty groups are left out).
	 */
	toDirectory(asOf?: string): AgencyDirectory;
}

interface AgencyRow {
	id: string;
	name: string;
	short_name: string;
	kind: AgencyKind;
	aliases: string;
	valid_from: string | null;
	valid_to: string | null;
	note: string | null;
}

const COLUMNS = 'id, name, short_name, kind, aliases, valid_from, valid_to, note';

function toAgency(row: AgencyRow, successorIds: string[]): DirectoryAgency {
	const aliases = JSON.parse(row.aliases) as string[];
	return {
		id: row.id,
		name: row.name,
		shortName: row.short_name,
		kind: row.kind,
		...(aliases.length > 0 && { aliases }),
		...(row.valid_from !== null && { validFrom: row.valid_from }),
		...(row.valid_to !== null && { validTo: row.valid_to }),
		...(successorIds.length > 0 && { successorIds }),
		...(row.note !== null && { note: row.note })
	};
}

const existsOn = (a: { validFrom?: string; validTo?: string }, day: string) =>
	(a.validFrom ?? '0000') <= day && day <= (a.validTo ?? '9999');

export function createAgenciesRepo(ctx: RepoContext): AgenciesRepo {
	const { db } = ctx;
	const q = {
		all: db.prepare<[], AgencyRow>(`SELECT ${COLUMNS} FROM agencies ORDER BY position`),
		byId: db.prepare<[string], AgencyRow>(`SELECT ${COLUMNS} FROM agencies WHERE id = ?`),
		successors: db.prepare<[], { agency_id: string; successor_id: string }>(
			'SELECT agency_id, successor_id FROM agency_successors ORDER BY agency_id, position'
		),
		successorsOf: db.prepare<[string], { successor_id: string }>(
			'SELECT successor_id FROM agency_successors WHERE agency_id = ? ORDER BY position'
		),
		province: db.prepare<[], { province: string }>('SELECT province FROM agency_directory'),
		start: db.prepare<[string, number]>(
			`INSERT INTO agency_directory (id, province, created_at) VALUES (1, ?, ?)
			ON CONFLICT DO NOTHING`
		),
		insert: db.prepare(
			`INSERT INTO agencies (id, name, short_name, kind, aliases, valid_from, valid_to, note, position, created_at, updated_at)
			VALUES (@id, @name, @shortName, @kind, @aliases, @validFrom, @validTo, @note,
				(SELECT coalesce(max(position), -1) + 1 FROM agencies), @now, @now)`
		),
		rename: db.prepare(
			`UPDATE agencies SET name = @name, short_name = @shortName, aliases = @aliases, updated_at = @now
			WHERE id = @id`
		),
		end: db.prepare<[string, number, string]>(
			'UPDATE agencies SET valid_to = ?, updated_at = ? WHERE id = ?'
		),
		clearSuccessors: db.prepare<[string]>('DELETE FROM agency_successors WHERE agency_id = ?'),
		addSuccessor: db.prepare<[string, string, number]>(
			'INSERT INTO agency_successors (agency_id, successor_id, position) VALUES (?, ?, ?)'
		)
	};
	const groupRows = createGroupStatements(ctx);

	const list = (): DirectoryAgency[] => {
		const successors = new Map<string, string[]>();
		for (const s of q.successors.all())
			successors.set(s.agency_id, [...(successors.get(s.agency_id) ?? []), s.successor_id]);
		return q.all.all().map((row) => toAgency(row, successors.get(row.id) ?? []));
	};
	const get = (id: string) => {
		const row = q.byId.get(id);
		return row
			? toAgency(
					row,
					q.successorsOf.all(id).map((s) => s.successor_id)
				)
			: null;
	};
	const must = (id: string, label = 'đơn vị') => {
		const agency = get(id);
		if (!agency) throw new DirectoryError('NOT_FOUND', `Không có ${label} mã "${id}".`);
		return agency;
	};
	const groups = groupRows.list;

	/** Refuses a name another agency uses in an overlapping period: the importer could not tell them apart. */
	const checkNamesFree = (
		names: string[],
		period: { validFrom?: string; validTo?: string },
		exceptId?: string
	) => {
		const keys = new Map(names.map((n) => [nameKey(n), n]));
		for (const other of list()) {
			if (other.id === exceptId) continue;
			if ((other.validFrom ?? '0000') > (period.validTo ?? '9999')) continue;
			if ((period.validFrom ?? '0000') > (other.validTo ?? '9999')) continue;
			for (const taken of [other.name, other.shortName, ...(other.aliases ?? [])]) {
				const mine = keys.get(nameKey(taken));
				if (mine !== undefined)
					throw new DirectoryError(
						'CONFLICT',
						`Tên "${mine}" đã dùng cho đơn vị "${other.name}" (${other.id}) trong cùng thời gian hiệu lực; hãy chọn tên khác hoặc cho đơn vị kia ngừng hoạt động trước.`
					);
			}
		}
	};

	const freeId = (name: string) => {
		const base = slugFromName(name);
		let id = base;
		for (let n = 2; q.byId.get(id); n++) id = `${base.slice(0, 60)}-${n}`;
		return id;
	};

	const retire = (input: { id: string; on: string; successorIds?: string[] }) => {
		const on = checkDate(input.on, 'ngày ngừng hoạt động');
		const agency = must(input.id);
		// Retiring again on the same day names (or renames) the successors of a seeded retirement.
		if (agency.validTo !== undefined && agency.validTo !== dayBefore(on))
			throw new DirectoryError(
				'CONFLICT',
				`"${agency.name}" đã ngừng hoạt động từ ${dayAfter(agency.validTo)}.`
			);
		if (agency.validFrom !== undefined && on <= agency.validFrom)
			throw new DirectoryError(
				'INVALID',
				`Ngày ngừng hoạt động ${on} phải sau ngày bắt đầu ${agency.validFrom} của "${agency.name}".`
			);
		const successorIds = [...new Set(input.successorIds ?? [])];
		for (const id of successorIds) {
			if (id === agency.id)
				throw new DirectoryError('INVALID', `"${agency.name}" không thể kế thừa chính nó.`);
			const successor = must(id, 'đơn vị kế thừa');
			if (!existsOn(successor, on))
				throw new DirectoryError(
					'INVALID',
					`Đơn vị kế thừa "${successor.name}" không hoạt động vào ngày ${on}.`
				);
		}
		guarded(ctx, () =>
			db.transaction(() => {
				q.end.run(dayBefore(on), ctx.now(), agency.id);
				q.clearSuccessors.run(agency.id);
				successorIds.forEach((id, i) => q.addSuccessor.run(agency.id, id, i));
			})
		);
		return get(agency.id)!;
	};

	const listAsOf = (asOf: string | undefined) => {
		if (asOf === undefined) return list();
		const day = checkDate(asOf, 'ngày');
		return list().filter((a) => existsOn(a, day));
	};

	return {
		list: (options = {}) => listAsOf(options.asOf),
		get,
		groups,
		province: () => q.province.get()?.province ?? null,
		add(input) {
			const name = cleanName(input.name, 'tên đơn vị');
			const shortName =
				input.shortName === undefined || input.shortName.trim() === ''
					? name
					: cleanName(input.shortName, 'tên viết tắt');
			const kind = checkKind(input.kind ?? 'other');
			const validFrom =
				input.validFrom === undefined ? undefined : checkDate(input.validFrom, 'ngày bắt đầu');
			const note = input.note?.trim() ? input.note.trim() : null;
			const id = input.id === undefined ? freeId(name) : checkId(input.id);
			if (q.byId.get(id))
				throw new DirectoryError('CONFLICT', `Mã đơn vị "${id}" đã có; hãy chọn mã khác.`);
			checkNamesFree([name, shortName], { validFrom });
			const groupIds = [...new Set(input.groupIds ?? [])];
			groupRows.checkExisting(groupIds);
			guarded(ctx, () =>
				db.transaction(() => {
					q.start.run('', ctx.now());
					q.insert.run({
						id,
						name,
						shortName,
						kind,
						aliases: '[]',
						validFrom: validFrom ?? null,
						validTo: null,
						note,
						now: ctx.now()
					});
					groupRows.join(id, groupIds);
				})
			);
			return get(id)!;
		},
		addGroup(input) {
			const memberIds = [...new Set(input.memberIds ?? [])];
			for (const id of memberIds) must(id, 'đơn vị');
			const id = guarded(ctx, () =>
				db.transaction(() => {
					const groupId = groupRows.insert(input);
					for (const member of memberIds) groupRows.join(member, [groupId]);
					return groupId;
				})
			);
			return groups().find((g) => g.id === id)!;
		},
		rename(input) {
			const agency = must(input.id);
			const name = cleanName(input.name, 'tên mới');
			const shortName =
				input.shortName === undefined || input.shortName.trim() === ''
					? agency.shortName === agency.name
						? name
						: agency.shortName
					: cleanName(input.shortName, 'tên viết tắt mới');
			if (nameKey(name) === nameKey(agency.name) && shortName === agency.shortName)
				throw new DirectoryError('INVALID', `"${agency.name}" đã mang tên này.`);
			checkNamesFree([name, shortName], agency, agency.id);
			const current = new Set([nameKey(name), nameKey(shortName)]);
			const aliases: string[] = [];
			for (const alias of [...(agency.aliases ?? []), agency.name, agency.shortName]) {
				const key = nameKey(alias);
				if (!current.has(key) && !aliases.some((a) => nameKey(a) === key)) aliases.push(alias);
			}
			guarded(ctx, () =>
				q.rename.run({
					id: agency.id,
					name,
					shortName,
					aliases: JSON.stringify(aliases),
					now: ctx.now()
				})
			);
			return get(agency.id)!;
		},
		retire,
		merge(input) {
			if (input.intoId === input.id)
				throw new DirectoryError('INVALID', 'Không thể sáp nhập một đơn vị vào chính nó.');
			must(input.intoId, 'đơn vị tiếp nhận');
			return retire({ id: input.id, on: input.on, successorIds: [input.intoId] });
		},
		seed(directory) {
			if (q.province.get() !== undefined) return false;
			guarded(ctx, () => db.transaction(() => seedAll(directory)));
			return true;
		},
		toDirectory(asOf) {
			const agencies = listAsOf(asOf);
			const ids = new Set(agencies.map((a) => a.id));
			const kept = groups().map((g) => ({ ...g, members: g.members.filter((m) => ids.has(m)) }));
			return {
				province: q.province.get()?.province ?? '',
				agencies,
				groups: asOf === undefined ? kept : kept.filter((g) => g.members.length > 0)
			};
		}
	};

	function seedAll(directory: AgencyDirectory) {
		const now = ctx.now();
		q.start.run(cleanName(directory.province, 'tên tỉnh'), now);
		for (const a of directory.agencies) {
			q.insert.run({
				id: checkId(a.id),
				name: cleanName(a.name, 'tên đơn vị'),
				shortName: cleanName(a.shortName, 'tên viết tắt'),
				kind: checkKind(a.kind),
				aliases: JSON.stringify((a.aliases ?? []).map((n) => cleanName(n, 'tên khác'))),
				validFrom: a.validFrom === undefined ? null : checkDate(a.validFrom, 'ngày bắt đầu'),
				validTo: a.validTo === undefined ? null : checkDate(a.validTo, 'ngày kết thúc'),
				note: a.note ?? null,
				now
			});
		}
		for (const a of directory.agencies)
			(a.successorIds ?? []).forEach((id, i) => q.addSuccessor.run(a.id, id, i));
		for (const g of directory.groups) {
			groupRows.insert(g);
			for (const member of g.members) groupRows.join(member, [g.id]);
		}
	}
}
