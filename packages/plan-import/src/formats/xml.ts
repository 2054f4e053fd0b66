import { SaxesParser, type SaxesTagNS } from 'saxes';
import { PlanImportError } from '../errors.js';

/** WordprocessingML, transitional and strict (ISO 29500): both spell the same elements. */
const WORD_NAMESPACES = new Set([
	'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
	'http://purl.oclc.org/ooxml/wordprocessingml/main'
]);

export type XmlTag = SaxesTagNS;

/** True when the tag is the WordprocessingML element `local` (any prefix, either namespace). */
export function isWord(tag: XmlTag, local: string): boolean {
	return tag.local === local && WORD_NAMESPACES.has(tag.uri);
}

/** A WordprocessingML attribute's value by local name (`w:val`), whatever its prefix. */
export function wordAttr(tag: XmlTag, local: string): string | undefined {
	for (const a of Object.values(tag.attributes)) {
		if (a.local === local && (WORD_NAMESPACES.has(a.uri) || a.uri === '')) return a.value;
	}
	return undefined;
}

/** An unqualified attribute (relationship parts use plain `Id`, `Type`, `Target`). */
export function plainAttr(tag: XmlTag, name: string): string | undefined {
	const a = tag.attributes[name];
	return a && a.uri === '' ? a.value : undefined;
}

/** OOXML on/off properties (`<w:caps/>`, `<w:vanish w:val="false"/>`): on unless said off. */
export function isOn(tag: XmlTag): boolean {
	const v = wordAttr(tag, 'val');
	return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

export interface XmlHandlers {
	open(tag: XmlTag): void;
	close(tag: XmlTag): void;
	text?(text: string): void;
}

/**
 * Streams one XML part through a namespace-aware, well-formedness-checking parser. Events come in
 * document order, which is the order the readers emit lines in. A part that is not XML becomes
 * one PlanImportError naming the file type and the part.
 */
export function walkXml(xml: string, where: string, handlers: XmlHandlers): void {
	const parser = new SaxesParser({ xmlns: true });
	parser.on('opentag', (tag) => handlers.open(tag));
	parser.on('closetag', (tag) => handlers.close(tag));
	if (handlers.text) {
		const text = handlers.text.bind(handlers);
		parser.on('text', text);
		parser.on('cdata', text);
	}
	try {
		parser.write(xml).close();
	} catch (e) {
		if (e instanceof PlanImportError) throw e;
		const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
		throw new PlanImportError(`corrupt ${where}: not well-formed XML (${reason})`);
	}
}
