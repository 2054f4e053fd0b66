import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/harness.js';
import { planboardWith } from '../test-cli.js';

const FIXTURE = fileURLToPath(
	new URL('../../../../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url)
);
const ID = 'tuyen-truyen-ve-chu-quyen-bien-gioi-quoc-gia-2025';
const tmp = tempDir('planboard-cli-board-');
const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0' };
const run = (...args: string[]) => planboardWith({ env }, ...args);

afterAll(() => tmp.cleanup());

describe('planboard board', () => {
	it('creates a board from a plan file and prints its new id', () => {
		expect(run('init').code).toBe(0);
		const made = run('board', 'create', FIXTURE);
		expect(made.code).toBe(0);
		expect(made.stdout).toBe(`${ID}\n`);
		expect(made.stderr).toContain(`${FIXTURE}:13: warning: Unknown agency`);
		expect(made.stderr).toContain('Đã tạo bảng');
	});

	it('prints the API answer with --json, under the next free id', () => {
		const made = run('board', 'create', FIXTURE, '--json');
		expect(made.code).toBe(0);
		expect(JSON.parse(made.stdout)).toEqual({
			id: `${ID}-2`,
			title: 'Kế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025',
			tasks: 3,
			agencies: expect.any(Number),
			warnings: [
				{ line: 13, message: expect.stringContaining('Lệ Thanh') },
				{ line: 14, message: expect.stringContaining('Trung tâm Văn hóa') }
			]
		});
	});

	it('lists boards as text and as JSON', () => {
		const text = run('board', 'list');
		expect(text.code).toBe(0);
		expect(text.stdout.trim().split('\n').sort()).toEqual([
			expect.stringMatching(/^gia-lai-2024\t2024\t.*thông tin đối ngoại/),
			`${ID}\t2025\tKế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025`,
			`${ID}-2\t2025\tKế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025`
		]);
		// Newest year first, as the plan list shows them.
		expect(text.stdout.trim().split('\n').at(-1)).toMatch(/^gia-lai-2024\t/);
		const json = JSON.parse(run('board', 'list', '--json').stdout);
		expect(json.map((p: { id: string }) => p.id).sort()).toEqual(['gia-lai-2024', ID, `${ID}-2`]);
		expect(json.at(-1)).toEqual({ id: 'gia-lai-2024', title: expect.any(String), year: 2024 });
	});

	it('refuses a file that is not a plan with exit 2 and one line, and stores nothing', () => {
		const junk = join(tmp.dir, 'danh-sach.txt');
		writeFileSync(junk, 'Danh sách đi chợ\n- rau\n- cá\n');
		const refused = run('board', 'create', junk);
		expect(refused.code).toBe(2);
		expect(refused.stdout).toBe('');
		expect(refused.stderr.trim().split('\n')).toEqual([
			expect.stringMatching(new RegExp(`^planboard board: ${junk}(:\\d+)?: .+`))
		]);
		const missing = run('board', 'create', join(tmp.dir, 'khong-co.txt'));
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('no such file');
		expect(JSON.parse(run('board', 'list', '--json').stdout)).toHaveLength(3);
	});

	it('explains its usage', () => {
		for (const args of [['board'], ['board', 'create'], ['board', 'drop', 'x']]) {
			const r = run(...args);
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('planboard board create FILE [--json]');
		}
	});
});
