import { strFromU8, unzipSync } from 'fflate';

/**
 * The parts of a DOCX or XLSX file as text, by path inside the package. Lets callers (and
 * tests of other packages, which do not depend on a zip library) check what an export holds.
 */
export function readPackageParts(bytes: Uint8Array): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = strFromU8(data);
	return out;
}
