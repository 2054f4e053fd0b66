import { strToU8, zipSync } from 'fflate';
import { A4, CM, FONT, type PageSetup } from './docx-xml.js';
import { XML_HEAD, esc } from './xml.js';

/* What every Word document of this package shares: the report and the meeting minutes. */

/** Nghị định 30/2020 margins: top and bottom 2 cm, left 3 cm (binding side), right 2 cm. */
export const PORTRAIT: PageSetup = {
	landscape: false,
	margins: { top: 2 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM }
};
export const LANDSCAPE: PageSetup = {
	landscape: true,
	margins: { top: 2 * CM, right: 2 * CM, bottom: 2 * CM, left: 2 * CM }
};
export const PORTRAIT_WIDTH = A4.width - PORTRAIT.margins.left - PORTRAIT.margins.right;

const NS =
	'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
	'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Times New Roman 14 pt everywhere unless a run says otherwise; Vietnamese for proofing. */
const STYLES = `${XML_HEAD}<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>
<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

const CONTENT_TYPES =
	`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
	'<Default Extension="xml" ContentType="application/xml"/>' +
	'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
	'<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
	'<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
	'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
	'</Types>';

const ROOT_RELS =
	`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
	'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
	'</Relationships>';

const DOCUMENT_RELS =
	`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
	'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
	'</Relationships>';

/** Compatibility mode 15 keeps current Word from opening the file in "compatibility mode". */
const SETTINGS =
	`${XML_HEAD}<w:settings ${NS}><w:defaultTabStop w:val="720"/><w:compat>` +
	'<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
	'</w:compat></w:settings>';

function coreXml(title: string): string {
	return (
		`${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
		`<dc:title>${esc(title)}</dc:title><dc:creator>Planboard</dc:creator><dc:language>vi-VN</dc:language>` +
		'</cp:coreProperties>'
	);
}

/** The document part around a body already rendered (ending with the last section's sectPr). */
export function wordDocument(body: string): string {
	return `${XML_HEAD}<w:document ${NS}><w:body>${body}</w:body></w:document>`;
}

/** A complete DOCX package: the document part, styles, settings and core properties. */
export function wordPackage(options: { title: string; document: string }): Uint8Array {
	return zipSync(
		{
			'[Content_Types].xml': strToU8(CONTENT_TYPES),
			'_rels/.rels': strToU8(ROOT_RELS),
			'docProps/core.xml': strToU8(coreXml(options.title)),
			'word/document.xml': strToU8(options.document),
			'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
			'word/styles.xml': strToU8(STYLES),
			'word/settings.xml': strToU8(SETTINGS)
		},
		{ level: 6, mtime: new Date('2000-01-01T00:00:00Z') }
	);
}
