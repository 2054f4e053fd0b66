import { readFileSync } from 'node:fs';
import {
	ROLES,
	createUserWithPassword,
	emailProblem,
	hashPassword,
	invalidateUserSessions,
	validatePassword
} from '@planboard/auth';
import { openStore, type Store } from '@planboard/store';
import { databaseLocation, envConfig } from '@planboard/config';
import { UsageError, parseArgs } from '../args.js';
import { processIo, type CommandIo } from '../io.js';

const USAGE = `usage: planboard user add --username NAME --role admin|coordinator|officer|viewer [--agency ID] [--display-name TEXT] (--password TEXT | --password-stdin)
       planboard user list [--json]
       planboard user reset-password --username NAME (--password TEXT | --password-stdin)
       planboard user disable --username NAME
       planboard user enable --username NAME
       planboard user email --username NAME (--email ADDRESS | --no-email) [--digest on|off]`;

/** `planboard user ...`: account administration on the configured data directory. */
export async function runUser(args: string[], io: CommandIo = processIo): Promise<number> {
	const [sub, ...rest] = args;
	const opts = parseArgs(rest, {
		values: ['username', 'role', 'agency', 'display-name', 'password', 'email', 'digest'],
		flags: ['password-stdin', 'json', 'no-email']
	});
	const store = openStore(databaseLocation(envConfig(process.env)));
	try {
		switch (sub) {
			case 'add':
				return await add(store, opts, io);
			case 'list':
				return list(store, opts.flags.has('json'), io);
			case 'reset-password': {
				const user = existing(store, opts.values.get('username'));
				const password = passwordFrom(opts);
				const problem = validatePassword(password);
				if (problem) throw new UsageError(problem);
				store.users.update({ id: user.id, passwordHash: await hashPassword(password) });
				await invalidateUserSessions({ store, userId: user.id });
				io.err(`Đã đặt lại mật khẩu cho ${user.username}; các phiên cũ đã bị hủy.\n`);
				return 0;
			}
			case 'disable':
			case 'enable': {
				const user = existing(store, opts.values.get('username'));
				store.users.update({ id: user.id, disabled: sub === 'disable' });
				if (sub === 'disable') await invalidateUserSessions({ store, userId: user.id });
				io.err(`${sub === 'disable' ? 'Đã khóa' : 'Đã mở khóa'} tài khoản ${user.username}.\n`);
				return 0;
			}
			case 'email':
				return email(store, opts, io);
			default:
				throw new UsageError(USAGE);
		}
	} finally {
		store.close();
	}
}

async function add(
	store: Store,
	opts: ReturnType<typeof parseArgs>,
	io: CommandIo
): Promise<number> {
	const username = opts.values.get('username');
	const role = opts.values.get('role');
	if (!username || !role) throw new UsageError(USAGE);
	if (!(ROLES as readonly string[]).includes(role)) {
		throw new UsageError(`unknown role "${role}"; expected one of: ${ROLES.join(', ')}`);
	}
	const agencyId = opts.values.get('agency') ?? null;
	if (agencyId !== null && !knownAgencies(store).has(agencyId)) {
		throw new UsageError(
			`unknown agency "${agencyId}"; see the agency ids in "planboard user list" or the admin page`
		);
	}
	if (role === 'officer' && agencyId === null) throw new UsageError('an officer needs --agency');
	const user = await createUserWithPassword({
		store,
		username,
		displayName: opts.values.get('display-name') ?? username,
		role: role as (typeof ROLES)[number],
		agencyId,
		password: passwordFrom(opts)
	});
	io.err(`Đã tạo tài khoản ${user.username} (${user.role}).\n`);
	return 0;
}

/** Where the user's daily digest goes, and whether they get it. */
function email(store: Store, opts: ReturnType<typeof parseArgs>, io: CommandIo): number {
	const user = existing(store, opts.values.get('username'));
	const address = opts.values.get('email');
	const digest = opts.values.get('digest');
	if ((address === undefined) === !opts.flags.has('no-email'))
		throw new UsageError('give --email ADDRESS or --no-email');
	if (digest !== undefined && digest !== 'on' && digest !== 'off')
		throw new UsageError('--digest is on or off');
	const problem = address === undefined ? null : emailProblem(address);
	if (problem) throw new UsageError(problem);
	store.users.update({
		id: user.id,
		email: address ?? null,
		...(digest ? { emailDigest: digest === 'on' } : {})
	});
	io.err(
		address
			? `Đã lưu email ${address} cho ${user.username}.\n`
			: `Đã xóa email của ${user.username}.\n`
	);
	return 0;
}

function list(store: Store, json: boolean, io: CommandIo): number {
	const users = store.users.list();
	if (json) {
		io.out(`${JSON.stringify(users)}\n`);
		return 0;
	}
	for (const u of users) {
		io.out(
			`${u.username.padEnd(16)} ${u.role.padEnd(12)} ${(u.agencyId ?? '-').padEnd(20)} ${u.disabled ? 'đã khóa' : ''} ${u.displayName}\n`
		);
	}
	return 0;
}

function existing(store: Store, username: string | undefined) {
	if (!username) throw new UsageError('--username is required');
	const user = store.users.getByUsername(username);
	if (!user) throw new UsageError(`no user "${username}"`);
	return user;
}

function passwordFrom(opts: ReturnType<typeof parseArgs>): string {
	if (opts.flags.has('password-stdin')) return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
	const password = opts.values.get('password');
	if (password === undefined) throw new UsageError('give --password or --password-stdin');
	return password;
}

/** Agencies of the installation's directory, plus every board's own. */
function knownAgencies(store: Store): Set<string> {
	const ids = new Set(store.agencies.list().map((a) => a.id));
	for (const plan of store.plans.list())
		for (const a of store.plans.agencies(plan.id)) ids.add(a.id);
	return ids;
}
