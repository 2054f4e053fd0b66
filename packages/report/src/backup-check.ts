import { docKind, isDocId, parseDocName, planDocName } from '@planboard/model';
import * as Y from 'yjs';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupAgency } from './backup-format.js';

type Fail = (message: string) => Error;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(v: Record<string, unknown>, keys: string[], where: string, fail: Fail): void {
	const extra = Object.keys(v).filter((k) => !keys.includes(k));
	if (extra.length > 0) throw fail(`${where}: unexpected field "${extra[0]}"`);
}

function str(v: Record<string, unknown>, key: string, where: string, fail: Fail): string {
	if (typeof v[key] !== 'string') throw fail(`${where}.${key} must be a string`);
	return v[key];
}

function decodeState(name: string, text: unknown, fail: Fail): Uint8Array {
	if (typeof text !== 'string' || !BASE64.test(text)) {
		throw fail(`document "${name}": state is not base64`);
	}
	return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Applies the state to a scratch document: the only proof that Yjs can read it. */
function checkState(name: string, state: Uint8Array, kind: 'plan' | 'agency', fail: Fail): void {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
	} catch (error) {
		throw fail(`document "${name}": not a readable Yjs state (${(error as Error).message})`);
	}
	if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
		throw fail(`document "${name}": incomplete Yjs state (it depends on missing updates)`);
	}
	if (docKind(doc) !== kind) {
		throw fail(`document "${name}": expected a ${kind} document, found ${docKind(doc) ?? 'none'}`);
	}
}

function checkAgencies(value: unknown, fail: Fail): BackupAgency[] {
	if (!Array.isArray(value)) throw fail('agencies must be an array');
	const seen = new Set<string>();
	return value.map((a, i) => {
		const where = `agencies[${i}]`;
		if (!isObject(a)) throw fail(`${where} must be an object`);
		onlyKeys(a, ['id', 'name', 'shortName', 'kind'], where, fail);
		const id = str(a, 'id', where, fail);
		if (!isDocId(id)) throw fail(`${where}.id "${id}" is not a valid agency id`);
		if (seen.has(id)) throw fail(`${where}.id "${id}" appears twice`);
		seen.add(id);
		const [name, shortName, kind] = ['name', 'shortName', 'kind'].map((k) =>
			str(a, k, where, fail)
		);
		return { id, name, shortName, kind };
	});
}

/** Validates parsed JSON as a backup; see parseBackup. */
export function checkBackup(data: unknown, fail: Fail): Backup {
	if (!isObject(data) || data.format !== BACKUP_FORMAT) {
		throw fail(`not a Planboard backup: "format" must be "${BACKUP_FORMAT}"`);
	}
	if (data.version !== BACKUP_VERSION) {
		throw fail(
			typeof data.version === 'number' && data.version > BACKUP_VERSION
				? `backup version ${data.version} is newer than this Planboard reads (${BACKUP_VERSION}); upgrade first`
				: `unsupported backup version ${JSON.stringify(data.version)}`
		);
	}
	onlyKeys(
		data,
		['format', 'version', 'createdAt', 'plan', 'agencies', 'documents'],
		'backup',
		fail
	);
	const createdAt = str(data, 'createdAt', 'backup', fail);
	if (Number.isNaN(Date.parse(createdAt)))
		throw fail(`backup.createdAt "${createdAt}" is not a date`);

	const plan = data.plan;
	if (!isObject(plan)) throw fail('plan must be an object');
	onlyKeys(plan, ['id', 'title', 'year', 'sourceJson'], 'plan', fail);
	const id = str(plan, 'id', 'plan', fail);
	if (!isDocId(id)) throw fail(`plan.id "${id}" is not a valid plan id`);
	const title = str(plan, 'title', 'plan', fail);
	const sourceJson = str(plan, 'sourceJson', 'plan', fail);
	if (!Number.isInteger(plan.year)) throw fail('plan.year must be an integer');
	const agencies = checkAgencies(data.agencies, fail);
	const agencyIds = new Set(agencies.map((a) => a.id));

	if (!isObject(data.documents)) throw fail('documents must be an object');
	const documents: Record<string, Uint8Array> = {};
	for (const [name, text] of Object.entries(data.documents)) {
		const parsed = parseDocName(name);
		if (!parsed || parsed.planId !== id) {
			throw fail(`document "${name}" does not belong to plan "${id}"`);
		}
		if (parsed.kind === 'agency' && !agencyIds.has(parsed.agencyId)) {
			throw fail(`document "${name}" belongs to agency "${parsed.agencyId}", which is not listed`);
		}
		const state = decodeState(name, text, fail);
		checkState(name, state, parsed.kind, fail);
		documents[name] = state;
	}
	if (!(planDocName(id) in documents)) {
		throw fail(`the plan document "${planDocName(id)}" is missing`);
	}
	return {
		version: BACKUP_VERSION,
		createdAt,
		plan: { id, title, year: plan.year as number, sourceJson },
		agencies,
		documents
	};
}
