import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boardDirectory, createBoard } from '@planboard/boards';
import { loadGiaLaiDirectory, parsePlan } from '@planboard/plan-import';
import { openStore } from '@planboard/store';
import { databaseLocation, envConfig, initialAdmin } from '@planboard/config';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, createDemoUsers } from '../demo.js';
import { createInitialAdmin } from '../initial-admin.js';
import { processIo, type CommandIo } from '../io.js';

export const REFERENCE_PLAN_ID = 'gia-lai-2024';
const REFERENCE_PLAN = fileURLToPath(
	new URL('../../../../plans/gia-lai-2024-ttdn.txt', import.meta.url)
);

/**
 * `planboard init`: what `npm start` runs before serving. Creates the database (migrations),
 * and on a new data directory seeds the reference plan and, in demo mode, the demo accounts, or
 * with demo mode off the administrator PLANBOARD_ADMIN_USERNAME/PASSWORD name.
 * Idempotent: a second run changes nothing.
 */
export async function runInit(_args: string[], io: CommandIo = processIo): Promise<number> {
	const config = envConfig(process.env);
	// Read before anything is written, so a half-set pair stops init with nothing changed.
	const admin = initialAdmin(process.env);
	const store = openStore(databaseLocation(config));
	try {
		// The directory is the admin's data from here on; the bundled one only fills an empty store.
		if (store.agencies.seed(loadGiaLaiDirectory()))
			io.err(
				`Đã nạp danh mục đơn vị ${store.agencies.province()} (${store.agencies.list().length} đơn vị).\n`
			);
		if (store.plans.list().length === 0) {
			const directory = boardDirectory(store);
			const plan = parsePlan(readFileSync(REFERENCE_PLAN, 'utf8'), {
				directory,
				source: REFERENCE_PLAN
			});
			const made = createBoard({ store, plan, planId: REFERENCE_PLAN_ID, directory });
			io.err(`Đã tạo bảng "${plan.title}" (${made.agencies} đơn vị, ${made.cards} thẻ).\n`);
		}
		const demo = config.demo !== 'off';
		const password = process.env.PLANBOARD_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
		if (demo) {
			await createDemoUsers({ store, password });
			if (DEMO_USERS.every((u) => store.users.getByUsername(u.username))) {
				io.out(`Tài khoản dùng thử (mật khẩu: ${password}):\n`);
				for (const u of DEMO_USERS)
					io.out(`  ${u.username.padEnd(8)} ${u.role.padEnd(12)} ${u.displayName}\n`);
			}
		} else if (admin) {
			const made = await createInitialAdmin({ store, admin });
			io.err(
				made === 'created'
					? `Đã tạo quản trị viên ${admin.username} từ PLANBOARD_ADMIN_USERNAME.\n`
					: 'Đã có tài khoản: PLANBOARD_ADMIN_USERNAME/PASSWORD không thay đổi gì.\n'
			);
		} else if (store.users.count() === 0) {
			io.out(
				'Chưa có tài khoản. Tạo quản trị viên: npm run -s planboard -- user add --username admin --role admin --display-name "Quản trị"\n'
			);
		}
		io.err(`Dữ liệu: ${store.path}\n`);
		return 0;
	} finally {
		store.close();
	}
}
