import { officeConvert } from '../../../tests/support/office.js';

export { readPackageParts as unzipText } from './ooxml.js';
export { soffice } from '../../../tests/support/office.js';

/**
 * Converts a file with LibreOffice and returns the converted files' text by name, e.g.
 * `convert(docx, 'r.docx', 'txt:Text')`.
 */
export function convert(bytes: Uint8Array, name: string, to: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [file, content] of officeConvert(bytes, name, to))
		out[file] = content.toString('utf8');
	return out;
}
