import { PlanImportError } from './errors.js';
import { parsePlan } from './parse.js';
import type { ParsedPlan, ParseOptions } from './types.js';

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Decodes file bytes as UTF-8 plan text and parses it. Rejects, with the line where it applies,
 * what cannot be a plan: empty input, binary data, UTF-16 or any invalid UTF-8.
 */
export function parsePlanBytes(bytes: Uint8Array, options: ParseOptions = {}): ParsedPlan {
	const { source } = options;
	if (bytes.length === 0) throw new PlanImportError('empty file', { source });
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		throw new PlanImportError('UTF-16 text is not supported; save the file as UTF-8', {
			line: 1,
			source
		});
	}
	const loose = new TextDecoder('utf-8').decode(bytes);
	const nul = loose.indexOf('\u0000');
	if (nul >= 0) {
		throw new PlanImportError('binary file (contains NUL bytes), not plan text', {
			line: lineAt(loose, nul),
			source
		});
	}
	const controls = loose.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
	if (controls > 0 && controls * 100 > loose.length) {
		throw new PlanImportError('binary file (control characters), not plan text', { source });
	}
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new PlanImportError('not UTF-8 text (invalid byte sequence)', {
			line: lineAt(loose, loose.indexOf('\ufffd')),
			source
		});
	}
	if (loose.trim() === '') throw new PlanImportError('empty file (whitespace only)', { source });
	return parsePlan(loose.replace(/^\ufeff/, ''), options);
}
