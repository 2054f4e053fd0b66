import { unzipSync } from 'fflate';
import { PlanImportError } from '../errors.js';
import { plainAttr, walkXml } from './xml.js';

/** Larger XML parts than this are refused: a plan's document.xml is a few MB, a ZIP bomb is not. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** The XML parts of an OOXML package (a DOCX), by part name ("word/document.xml"). */
export type PackageParts = Map<string, string>;

/** Unzips the package's XML and relationship parts; media are left compressed. */
export function readPackage(bytes: Uint8Array): PackageParts {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, {
			filter: (f) => {
				if (!/\.(xml|rels)$/i.test(f.name)) return false;
				if (f.originalSize > MAX_PART_BYTES) {
					throw new PlanImportError(`DOCX part ${f.name} is too large to be a plan`);
				}
				return true;
			}
		});
	} catch (e) {
		if (e instanceof PlanImportError) throw e;
		const reason = e instanceof Error ? e.message : String(e);
		throw new PlanImportError(`corrupt DOCX: not a readable ZIP archive (${reason})`);
	}
	const decoder = new TextDecoder('utf-8');
	const utf16 = new TextDecoder('utf-16le');
	const parts: PackageParts = new Map();
	for (const [name, data] of Object.entries(files)) {
		const decoded = data[0] === 0xff && data[1] === 0xfe ? utf16 : decoder;
		parts.set(name.replace(/^\/+/, ''), decoded.decode(data));
	}
	return parts;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const segments = fromPart.split('/').slice(0, -1);
	for (const s of target.split('/')) {
		if (s === '..') segments.pop();
		else if (s !== '.' && s !== '') segments.push(s);
	}
	return segments.join('/');
}

/**
 * The targets of a part's relationships by type (the last segment of the type URI:
 * "officeDocument", "numbering", "styles"), from its `_rels/NAME.rels` part.
 */
export function relationships(parts: PackageParts, fromPart: string): Map<string, string> {
	const folder = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/') + 1) : '';
	const file = fromPart.slice(folder.length);
	const relsName = `${folder}_rels/${file}.rels`;
	const xml = parts.get(relsName);
	const out = new Map<string, string>();
	if (xml === undefined) return out;
	walkXml(xml, `DOCX (${relsName})`, {
		open: (tag) => {
			if (tag.local !== 'Relationship' || plainAttr(tag, 'TargetMode') === 'External') return;
			const type = plainAttr(tag, 'Type') ?? '';
			const target = plainAttr(tag, 'Target');
			const kind = type.slice(type.lastIndexOf('/') + 1);
			if (target !== undefined && !out.has(kind)) out.set(kind, resolveTarget(fromPart, target));
		},
		close: () => {}
	});
	return out;
}
