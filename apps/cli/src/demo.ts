import { createUserWithPassword } from '@planboard/auth';
import type { Store } from '@planboard/store';

/** The demo accounts named by the access-control issue; agency ids are the directory's. */
export const DEMO_USERS = [
	{ username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', agencyId: null },
	{
		username: 'sotttt',
		displayName: 'Cán bộ Sở Thông tin và Truyền thông',
		role: 'coordinator',
		agencyId: 'so-tttt'
	},
	{
		username: 'bdbp',
		displayName: 'Cán bộ Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
		role: 'officer',
		agencyId: 'bch-bdbp'
	},
	{
		username: 'ducco',
		displayName: 'Cán bộ UBND huyện Đức Cơ',
		role: 'officer',
		agencyId: 'ubnd-duc-co'
	},
	{ username: 'lanhdao', displayName: 'Lãnh đạo UBND tỉnh', role: 'viewer', agencyId: null }
] as const;

export const DEFAULT_DEMO_PASSWORD = 'planboard-demo';

/** Creates the demo accounts on an empty user table; never touches existing users. */
export async function createDemoUsers(options: {
	store: Store;
	password: string;
}): Promise<boolean> {
	if (options.store.users.count() > 0) return false;
	for (const u of DEMO_USERS) {
		await createUserWithPassword({ store: options.store, ...u, password: options.password });
	}
	return true;
}
