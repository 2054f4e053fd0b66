import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlanImportError } from '../errors.js';
import { LineLayout, type Glyphs } from './pdf-lines.js';

/** pdfjs-dist's own font metrics and CMaps, so standard fonts and CJK encodings read right. */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = (folder: string) => `${pathToFileURL(join(pdfjsRoot, folder)).pathname}/`;

export const NO_TEXT_LAYER = 'no text layer: a scanned PDF needs OCR first';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | null = null;

/** pdfjs is large; it loads on the first PDF, not when the importer is imported. */
function loadPdfjs(): Promise<Pdfjs> {
	pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
	return pdfjs;
}

function readError(e: unknown): PlanImportError {
	const name = e instanceof Error ? e.name : '';
	const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
	if (name === 'PasswordException') {
		return new PlanImportError('encrypted PDF: save it without a password first');
	}
	return new PlanImportError(`corrupt PDF: ${message || name || 'unreadable'}`);
}

/**
 * Reads a PDF's text layer into plain text lines, top to bottom, page after page: text items
 * on one baseline form a line, and items far apart on it (table cells, the two halves of the
 * national header) are joined with a TAB, so a table comes out as tab-separated rows as far as
 * its cells fit on one line.
 * @throws PlanImportError for an unreadable or encrypted PDF, or one without a text layer.
 */
export async function pdfToLines(bytes: Uint8Array): Promise<string[]> {
	const { getDocument, VerbosityLevel } = await loadPdfjs();
	const task = getDocument({
		// pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
		data: new Uint8Array(bytes),
		disableFontFace: true,
		isEvalSupported: false,
		useSystemFonts: false,
		standardFontDataUrl: assets('standard_fonts'),
		cMapUrl: assets('cmaps'),
		cMapPacked: true,
		verbosity: VerbosityLevel.ERRORS
	});
	const layout = new LineLayout();
	try {
		const doc = await task.promise;
		let visible = 0;
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			const glyphs: Glyphs[] = [];
			for (const item of content.items) {
				if (!('str' in item) || item.str.trim() === '') continue;
				const [, , c, d, x, y] = item.transform as number[];
				glyphs.push({
					text: item.str.normalize('NFC'),
					x,
					y,
					width: item.width,
					size: Math.hypot(c, d) || item.height || 10
				});
				visible += item.str.trim().length;
			}
			layout.addPage(glyphs);
			page.cleanup();
		}
		if (visible === 0) throw new PlanImportError(NO_TEXT_LAYER);
		return layout.finish();
	} catch (e) {
		throw e instanceof PlanImportError ? e : readError(e);
	} finally {
		await task.destroy();
	}
}

/** The number of pages of a readable PDF (the bench reports plan sizes in pages). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
	const { getDocument, VerbosityLevel } = await loadPdfjs();
	const task = getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS });
	try {
		return (await task.promise).numPages;
	} finally {
		await task.destroy();
	}
}
