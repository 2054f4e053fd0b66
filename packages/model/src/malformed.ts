import * as Y from 'yjs';

/**
 * Documents come from the network: any client with write access can put any value under any
 * key. Readers are total: an entry of the wrong type or shape is skipped (or given its default)
 * and reported here, never thrown, so one bad write cannot take a board down for everyone.
 */
export interface MalformedEntry {
	/** The document's name (`plan/<id>/agency/<agencyId>`), as set by its loader. */
	document: string;
	/** Where in the schema, e.g. `cards/II.6.2/figures/articles`. */
	key: string;
	reason: string;
}

export type MalformedReporter = (entry: MalformedEntry) => void;

const consoleReporter: MalformedReporter = (entry) =>
	console.warn('model.malformed_entry', JSON.stringify(entry));

let reporter: MalformedReporter = consoleReporter;

/**
 * Where malformed entries are reported: console.warn by default (the browser); servers pass
 * their JSON logger. `null` restores the default.
 */
export function setMalformedReporter(next: MalformedReporter | null): void {
	reporter = next ?? consoleReporter;
}

const names = new WeakMap<Y.Doc, string>();
/** Per document, the entries already reported: a reader runs on every change in the browser. */
const reported = new WeakMap<Y.Doc, Set<string>>();

/** Names a document for the reports (loaders and sessions know the name; the doc does not). */
export function nameDoc(doc: Y.Doc, name: string): Y.Doc {
	names.set(doc, name);
	return doc;
}

function nameOf(doc: Y.Doc): string {
	const known = names.get(doc);
	if (known !== undefined) return known;
	const meta = doc.share.get('meta');
	if (meta instanceof Y.Map) {
		const plan = meta.get('planId');
		const agency = meta.get('agencyId');
		if (typeof plan === 'string') {
			return typeof agency === 'string' ? `plan/${plan}/agency/${agency}` : `plan/${plan}`;
		}
	}
	return `doc ${doc.guid}`;
}

/** Reports a malformed entry once per document, key and reason. Never throws. */
export function reportMalformed(doc: Y.Doc, key: string, reason: string): void {
	let seen = reported.get(doc);
	if (!seen) reported.set(doc, (seen = new Set()));
	const id = `${key}\u0000${reason}`;
	if (seen.has(id)) return;
	seen.add(id);
	try {
		reporter({ document: nameOf(doc), key: key.slice(0, 300), reason });
	} catch {
		// A failing logger must not turn a tolerated entry into a crash.
	}
}

/** A short description of a value's type, for the reports. */
export function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (v instanceof Y.AbstractType) return v.constructor.name;
	if (v instanceof Uint8Array) return 'binary';
	return typeof v;
}

/** A plain (JSON) object, as Yjs stores `map.set(k, { ... })`. */
export function isRecord(v: unknown): v is Record<string, unknown> {
	return (
		typeof v === 'object' &&
		v !== null &&
		!Array.isArray(v) &&
		!(v instanceof Y.AbstractType) &&
		!(v instanceof Uint8Array)
	);
}

export const isFiniteNumber = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v);

/** The strings of a stored array; null when the value is not an array of strings. */
export function stringList(v: unknown): string[] | null {
	if (!Array.isArray(v)) return null;
	return v.every((s) => typeof s === 'string') ? [...(v as string[])] : null;
}

/** Epoch milliseconds a Date can hold with room for a time-zone shift (toISOString never throws). */
export const isInstant = (v: unknown): v is number =>
	isFiniteNumber(v) && Math.abs(v) <= 8.64e15 - 86_400_000;
