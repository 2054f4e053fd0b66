import { strToU8, zipSync, zlibSync } from 'fflate';
import { officeConvert } from '../../../../tests/support/office.js';

/**
 * Test support: builds small but complete DOCX packages (the parts Word writes: content types,
 * relationships, document, numbering, styles) and converts them with LibreOffice.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DocxParagraph {
	text: string;
	/** `w:numPr`: [numId, ilvl]. */
	num?: [number, number];
	style?: string;
}
export interface DocxCell {
	text: string | string[];
	span?: number;
	vMerge?: 'restart' | 'continue';
}
export type DocxBlock = DocxParagraph | { rows: (string | DocxCell)[][] };

export function paragraphXml(p: DocxParagraph): string {
	const ppr = [
		p.style ? `<w:pStyle w:val="${p.style}"/>` : '',
		p.num ? `<w:numPr><w:ilvl w:val="${p.num[1]}"/><w:numId w:val="${p.num[0]}"/></w:numPr>` : ''
	].join('');
	const run = p.text === '' ? '' : `<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r>`;
	return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${run}</w:p>`;
}

function tableXml(rows: (string | DocxCell)[][]): string {
	const columns = Math.max(
		...rows.map((r) => r.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.span ?? 1)), 0))
	);
	const grid = Array.from({ length: columns }, () => '<w:gridCol w:w="1600"/>').join('');
	const cell = (c: string | DocxCell) => {
		const { text, span, vMerge } = typeof c === 'string' ? { text: c } : c;
		const tcPr = [
			span ? `<w:gridSpan w:val="${span}"/>` : '',
			vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge ? '<w:vMerge/>' : ''
		].join('');
		const paragraphs = (Array.isArray(text) ? text : [text]).map((t) => paragraphXml({ text: t }));
		return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${paragraphs.join('')}</w:tc>`;
	};
	const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
		.map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		.join('');
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows
		.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`)
		.join('')}</w:tbl>`;
}

export interface DocxSpec {
	body: DocxBlock[];
	/** Inner XML of `w:numbering` (abstractNum and num elements). */
	numbering?: string;
	/** Inner XML of `w:styles`. */
	styles?: string;
	/** Landscape A4, so a six-column table fits on the page. */
	landscape?: boolean;
}

export function buildDocx(spec: DocxSpec): Uint8Array {
	const body = spec.body.map((b) => ('rows' in b ? tableXml(b.rows) : paragraphXml(b))).join('');
	const page = spec.landscape
		? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
		: '<w:pgSz w:w="11906" w:h="16838"/>';
	const sectPr = `<w:sectPr>${page}<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`;
	const files: Record<string, string> = {
		'[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
		'_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
		'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
		'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}${sectPr}</w:body></w:document>`,
		'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${spec.numbering ?? ''}</w:numbering>`,
		'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>${spec.styles ?? ''}</w:styles>`
	};
	return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

/** An abstract numbering definition: one `[format, lvlText]` per level, starting at 1. */
export function abstractNum(id: number, levels: [string, string][]): string {
	const lvls = levels
		.map(
			([format, text], i) =>
				`<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/><w:lvlJc w:val="left"/></w:lvl>`
		)
		.join('');
	return `<w:abstractNum w:abstractNumId="${id}">${lvls}</w:abstractNum>`;
}

export function num(id: number, abstractId: number, startOverride?: [number, number]): string {
	const override = startOverride
		? `<w:lvlOverride w:ilvl="${startOverride[0]}"><w:startOverride w:val="${startOverride[1]}"/></w:lvlOverride>`
		: '';
	return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${override}</w:num>`;
}

/** Converts a file with LibreOffice and returns the one file it writes. */
export function convertWithOffice(bytes: Uint8Array, name: string, to: string): Uint8Array {
	const [only] = officeConvert(bytes, name, to).values();
	return only;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/**
 * A greyscale PNG of a page scan: white, with dark bars where lines of text would be. Written
 * here (signature, IHDR, zlib IDAT, IEND) because LibreOffice without a GUI exports no images.
 */
export function stripedPng(width: number, height: number): Uint8Array {
	const raw = new Uint8Array((width + 1) * height);
	for (let y = 0; y < height; y++) {
		const ink = y % 24 < 10 && y > 60 && y < height - 60;
		for (let x = 0; x < width; x++) {
			raw[y * (width + 1) + 1 + x] = ink && x > 60 && x < width - 60 ? 40 : 255;
		}
	}
	const chunk = (type: string, data: Uint8Array) => {
		const body = new Uint8Array(4 + data.length);
		body.set(strToU8(type));
		body.set(data, 4);
		const out = new Uint8Array(12 + data.length);
		const view = new DataView(out.buffer);
		view.setUint32(0, data.length);
		out.set(body, 4);
		view.setUint32(8 + data.length, crc32(body));
		return out;
	};
	const header = new Uint8Array(13);
	const view = new DataView(header.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlibSync(raw)),
		chunk('IEND', new Uint8Array())
	];
	const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		png.set(p, at);
		at += p.length;
	}
	return png;
}
