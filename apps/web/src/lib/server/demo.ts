import { runtime } from './runtime';

/** The demo logins created on a new data directory unless PLANBOARD_DEMO=0. */
export const DEMO_USERNAMES = ['admin', 'sotttt', 'bdbp', 'ducco', 'lanhdao'] as const;

export function demoMode(): boolean {
	return process.env.PLANBOARD_DEMO !== '0';
}

export function demoAccounts() {
	if (!demoMode()) return null;
	const { store } = runtime();
	const users = DEMO_USERNAMES.map((u) => store.users.getByUsername(u)).filter((u) => u !== null);
	if (users.length === 0) return null;
	return {
		password: process.env.PLANBOARD_DEMO_PASSWORD || 'planboard-demo',
		users: users.map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }))
	};
}
