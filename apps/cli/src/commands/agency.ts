import type { DirectoryAgency } from '@planboard/plan-import';
import { DirectoryError, openStore, type Store } from '@planboard/store';
import { databaseLocation, envConfig } from '@planboard/config';
import { UsageError, parseArgs } from '../args.js';
import { processIo, type CommandIo } from '../io.js';

const USAGE = `usage: planboard agency list [--json] [--as-of YYYY-MM-DD]
       planboard agency add --name NAME [--short-name S] [--kind KIND] [--id ID] [--valid-from YYYY-MM-DD] [--group GROUP_ID ...]
       planboard agency rename ID --name NAME [--short-name S]
       planboard agency retire ID --on YYYY-MM-DD [--successor ID ...]
       planboard agency merge ID --into ID --on YYYY-MM-DD
       planboard agency groups [--json]
       planboard agency group-add --name NAME [--id ID] [--alias NAME ...] [--member ID ...]`;

/**
 * `planboard agency ...`: the installation's agency directory, as on the admin page. Dates are
 * the first day of the change: `retire --on 2025-07-01` means the agency existed until 30 June.
 * A refused change (bad name, unknown id, successor that did not exist) exits 2 with the reason.
 */
export async function runAgency(args: string[], io: CommandIo = processIo): Promise<number> {
	const [sub, ...rest] = args;
	const opts = parseArgs(rest, {
		values: ['name', 'short-name', 'kind', 'id', 'valid-from', 'as-of', 'on', 'into'],
		flags: ['json'],
		lists: ['successor', 'group', 'alias', 'member']
	});
	if (!['list', 'add', 'rename', 'retire', 'merge', 'groups', 'group-add'].includes(sub))
		throw new UsageError(USAGE);
	const store = openStore(databaseLocation(envConfig(process.env)));
	try {
		if (sub === 'list') return list(store, opts, io);
		if (sub === 'groups') return groups(store, opts, io);
		if (sub === 'group-add') {
			const name = opts.values.get('name');
			if (name === undefined) throw new UsageError(`--name is required\n${USAGE}`);
			const group = store.agencies.addGroup({
				name,
				id: opts.values.get('id'),
				aliases: opts.lists.get('alias'),
				memberIds: opts.lists.get('member')
			});
			store.audit.log({ userId: null, action: 'agency.group_add', detail: group });
			io.out(`${group.id}\n`);
			io.err(`Đã thêm nhóm ${group.id}: ${group.name} (${group.members.length} đơn vị).\n`);
			return 0;
		}
		const changed = change(store, sub, opts);
		store.audit.log({ userId: null, action: `agency.${sub}`, detail: changed });
		if (sub === 'add') io.out(`${changed.id}\n`);
		io.err(`${doneMessage(sub, changed)}\n`);
		return 0;
	} catch (error) {
		if (error instanceof DirectoryError) throw new UsageError(error.message);
		throw error;
	} finally {
		store.close();
	}
}

function change(store: Store, sub: string, opts: ReturnType<typeof parseArgs>): DirectoryAgency {
	const value = (name: string) => opts.values.get(name);
	const required = (name: string) => {
		const v = value(name);
		if (v === undefined) throw new UsageError(`--${name} is required\n${USAGE}`);
		return v;
	};
	const id = () => {
		if (opts.positional.length !== 1) throw new UsageError(`give one agency ID\n${USAGE}`);
		return opts.positional[0];
	};
	switch (sub) {
		case 'add':
			return store.agencies.add({
				name: required('name'),
				shortName: value('short-name'),
				kind: value('kind'),
				id: value('id'),
				validFrom: value('valid-from'),
				groupIds: opts.lists.get('group')
			});
		case 'rename':
			return store.agencies.rename({
				id: id(),
				name: required('name'),
				shortName: value('short-name')
			});
		case 'retire':
			return store.agencies.retire({
				id: id(),
				on: required('on'),
				successorIds: opts.lists.get('successor') ?? []
			});
		default:
			return store.agencies.merge({ id: id(), intoId: required('into'), on: required('on') });
	}
}

function doneMessage(sub: string, a: DirectoryAgency): string {
	const end = a.validTo === undefined ? '' : ` (hoạt động đến hết ${a.validTo})`;
	const successors = a.successorIds?.length ? `; kế thừa: ${a.successorIds.join(', ')}` : '';
	switch (sub) {
		case 'add':
			return `Đã thêm đơn vị ${a.id}: ${a.name}.`;
		case 'rename':
			return `Đã đổi tên ${a.id} thành "${a.name}"; tên cũ được giữ làm tên khác.`;
		default:
			return `Đã cho ${a.id} ngừng hoạt động${end}${successors}.`;
	}
}

function list(store: Store, opts: ReturnType<typeof parseArgs>, io: CommandIo): number {
	const agencies = store.agencies.list({ asOf: opts.values.get('as-of') });
	if (opts.flags.has('json')) {
		io.out(`${JSON.stringify(agencies)}\n`);
		return 0;
	}
	for (const a of agencies) {
		const period =
			a.validFrom || a.validTo ? `${a.validFrom ?? '…'} – ${a.validTo ?? '…'}` : 'hiện hành';
		const successors = a.successorIds?.length ? ` → ${a.successorIds.join(', ')}` : '';
		io.out(`${a.id.padEnd(24)} ${a.kind.padEnd(12)} ${period.padEnd(23)} ${a.name}${successors}\n`);
	}
	return 0;
}

function groups(store: Store, opts: ReturnType<typeof parseArgs>, io: CommandIo): number {
	const all = store.agencies.groups();
	if (opts.flags.has('json')) {
		io.out(`${JSON.stringify(all)}\n`);
		return 0;
	}
	for (const g of all) io.out(`${g.id.padEnd(24)} ${g.name}: ${g.members.join(', ') || '–'}\n`);
	return 0;
}
