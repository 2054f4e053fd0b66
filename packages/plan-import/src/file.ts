import { parsePlanBytes } from './bytes.js';
import { PlanImportError } from './errors.js';
import type { ParsedPlan, ParseOptions } from './types.js';

/** The plan file formats the importer reads. */
export type PlanFileFormat = 'text' | 'docx' | 'pdf';

/** Decides a file's format from its leading bytes, falling back to its name for plain text. */
export function detectPlanFormat(bytes: Uint8Array, fileName = ''): PlanFileFormat {
	if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
	if (/\.pdf$/i.test(fileName)) return 'pdf';
	if (/\.docx$/i.test(fileName)) return 'docx';
	return 'text';
}

/**
 * The one entry point for a plan file of any supported format (text, DOCX, PDF): the web app,
 * the API and the CLI all import through it, so they share one JSON contract and one set of errors.
 */
export async function importPlanFile(
	bytes: Uint8Array,
	options: ParseOptions = {}
): Promise<ParsedPlan> {
	const format = detectPlanFormat(bytes, options.source);
	if (format === 'text') return parsePlanBytes(bytes, options);
	throw new PlanImportError(`${format.toUpperCase()} plans are not supported yet`, {
		source: options.source
	});
}
