import {
	agencyDocName,
	metaMap,
	planDocName,
	readCards,
	readContributions,
	readPlanMeta,
	readTasks
} from '@planboard/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseBackup, rebaseBackup, toBackupJson } from './backup.js';
import { BackupError } from './backup-format.js';
import { PLAN_ID, filledDocs } from './test-board.js';

function backupText(): string {
	const docs = filledDocs();
	const documents: Record<string, Uint8Array> = {};
	for (const [name, doc] of docs) documents[name] = Y.encodeStateAsUpdate(doc);
	const agencies = [...docs.keys()]
		.filter((n) => n.includes('/agency/'))
		.map((n) => n.split('/')[3])
		.map((id) => ({ id, name: id, shortName: id, kind: 'department' }));
	return toBackupJson({
		plan: { id: PLAN_ID, title: 'Kế hoạch', year: 2024, sourceJson: '{}' },
		agencies,
		documents,
		createdAt: new Date('2024-12-05T00:00:00Z')
	});
}

// The test reaches into an arbitrary JSON shape on purpose, to break it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const edit = (f: (data: Record<string, any>) => void): string => {
	const data = JSON.parse(backupText());
	f(data);
	return JSON.stringify(data);
};

describe('backup', () => {
	it('round-trips every document byte for byte', () => {
		const text = backupText();
		const backup = parseBackup(text);
		expect(backup.plan).toEqual({ id: PLAN_ID, title: 'Kế hoạch', year: 2024, sourceJson: '{}' });
		expect(JSON.parse(text).version).toBe(1);
		expect(Object.keys(backup.documents)).toHaveLength(5);
		expect(toBackupJson({ ...backup, createdAt: new Date(backup.createdAt) })).toBe(text);
	});

	it('rebases onto a new plan id with documents that read identically', () => {
		const backup = parseBackup(backupText());
		const rebased = rebaseBackup({ backup, planId: 'copy' });
		expect(rebased.plan.id).toBe('copy');
		expect(rebased.documents[0].name).toBe(planDocName('copy'));
		for (const { name, state } of rebased.documents) {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, state);
			expect(metaMap(doc).get('planId')).toBe('copy');
			const original = new Y.Doc();
			Y.applyUpdate(original, backup.documents[name.replace('plan/copy', `plan/${PLAN_ID}`)]);
			expect(readTasks(doc)).toEqual(readTasks(original));
			expect(readCards(doc)).toEqual(readCards(original));
			expect(readContributions(doc)).toEqual(readContributions(original));
		}
		const plan = new Y.Doc();
		Y.applyUpdate(plan, rebased.documents[0].state);
		expect(readPlanMeta(plan).planId).toBe('copy');
		expect(rebased.documents.map((d) => d.name)).toContain(
			agencyDocName({ planId: 'copy', agencyId: 'so-tttt' })
		);
	});

	const cases: [string, string, RegExp][] = [
		['invalid JSON', '{"format": ', /invalid JSON/],
		['another file', '{"hello": 1}', /"format" must be "planboard-backup"/],
		['a newer version', edit((d) => (d.version = 2)), /version 2 is newer/],
		['an unknown field', edit((d) => (d.extra = true)), /unexpected field "extra"/],
		['a bad plan id', edit((d) => (d.plan.id = 'A B')), /plan.id "A B"/],
		['a missing year', edit((d) => delete d.plan.year), /plan.year must be an integer/],
		['duplicate agencies', edit((d) => d.agencies.push(d.agencies[0])), /appears twice/],
		[
			'a foreign document',
			edit((d) => (d.documents['plan/other'] = d.documents[`plan/${PLAN_ID}`])),
			/does not belong to plan/
		],
		[
			'an unlisted agency',
			edit((d) => (d.agencies = d.agencies.filter((a: { id: string }) => a.id !== 'bchbdbp'))),
			/agency "bchbdbp", which is not listed/
		],
		[
			'bad base64',
			edit((d) => (d.documents[`plan/${PLAN_ID}`] = 'not base64!')),
			/state is not base64/
		],
		[
			'a state that is not Yjs',
			edit((d) => (d.documents[`plan/${PLAN_ID}`] = Buffer.from('garbage').toString('base64'))),
			/plan\/gia-lai-2024-ttdn/
		],
		[
			'an agency state under the plan name',
			edit((d) => (d.documents[`plan/${PLAN_ID}`] = d.documents[`plan/${PLAN_ID}/agency/bchbdbp`])),
			/expected a plan document, found agency/
		],
		[
			'no plan document',
			edit((d) => delete d.documents[`plan/${PLAN_ID}`]),
			/plan document "plan\/gia-lai-2024-ttdn" is missing/
		]
	];
	it.each(cases)('rejects %s with a clear message', (_, text, message) => {
		expect(() => parseBackup(text)).toThrow(BackupError);
		expect(() => parseBackup(text)).toThrow(message);
	});
});
