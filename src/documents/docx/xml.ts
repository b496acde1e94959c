import { SaxesParser } from 'saxes';

/** WordprocessingML's namespace (`w:`). */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Office Math's namespace (`m:`). */
export const M = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/**
 * An XML element with its namespace resolved: all the readers need of a DOM. A document.xml
 * of a long write-up is megabytes; a DOM implementation in JavaScript (xmldom) took ten times
 * longer to build one than saxes takes to parse it into this.
 */
export interface Element {
  localName: string;
  namespaceURI: string;
  /** By `{namespace}local`; an attribute with no prefix has the empty namespace. */
  attributes: Map<string, string>;
  children: (Element | string)[];
}

/** Raised for a part that is not well-formed XML; the reader turns it into a one-line message. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/**
 * Raised for elements nested deeper than `MAX_XML_DEPTH`: no document Word writes comes near it,
 * and a hostile one (fractions in fractions, thousands deep) would cost the parser time quadratic
 * in the depth (saxes resolves each prefix through every enclosing element) before any tree walk
 * could run out of stack.
 */
export class XmlNestingError extends XmlError {}

/** Deeper than Word's nested tables, content controls and equations ever go (tens of levels). */
export const MAX_XML_DEPTH = 1000;

/** Parses one XML part of the package; a broken part is an `XmlError` naming it, never a tree half read. */
export function parseXml(text: string, part: string): Element {
  const top: Element = { localName: '', namespaceURI: '', attributes: new Map(), children: [] };
  const stack: Element[] = [top];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_XML_DEPTH) throw new XmlNestingError(`${part} nests elements more than ${MAX_XML_DEPTH} deep`);
    const attributes = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) attributes.set(`{${a.uri}}${a.local}`, a.value);
    const el: Element = { localName: tag.local, namespaceURI: tag.uri, attributes, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string) => {
    if (stack.length > 1) stack[stack.length - 1]!.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XmlNestingError) throw e;
    throw new XmlError(`${part} is not well-formed XML (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const root = elements(top)[0];
  if (!root) throw new XmlError(`${part} is not well-formed XML (no root element)`);
  return root;
}

/** The element children of `el`, in order (text skipped). */
export function elements(el: Element): Element[] {
  return el.children.filter((c): c is Element => typeof c !== 'string');
}

/** The first child element of `el` in namespace `ns` named `name`. */
export function child(el: Element | undefined, ns: string, name: string): Element | undefined {
  return el?.children.find((c): c is Element => typeof c !== 'string' && c.localName === name && c.namespaceURI === ns);
}

/** Every child element of `el` in namespace `ns` named `name`. */
export function childrenNamed(el: Element, ns: string, name: string): Element[] {
  return elements(el).filter((c) => c.localName === name && c.namespaceURI === ns);
}

/** The value of attribute `name` in namespace `ns` (Word writes `w:val`, `m:val`; `''` for no prefix). */
export function attr(el: Element | undefined, ns: string, name: string): string | undefined {
  return el?.attributes.get(`{${ns}}${name}`);
}

/** `w:val` of the child property `name` (e.g. `<w:pStyle w:val="Heading1"/>`), in namespace `ns`. */
export function childVal(el: Element | undefined, ns: string, name: string): string | undefined {
  return attr(child(el, ns, name), ns, 'val');
}

/**
 * An on/off property (`<w:b/>`, `<m:nor/>`): present and not switched off by `val="0"`/`"false"`/`"off"`.
 */
export function isOn(el: Element | undefined, ns: string, name: string): boolean {
  const p = child(el, ns, name);
  if (!p) return false;
  const v = attr(p, ns, 'val');
  return v === undefined || !/^(?:0|false|off)$/i.test(v);
}

/** Every element under `el` (not `el` itself), in document order; iterative, so any depth is safe. */
function* under(el: Element): Generator<Element> {
  const stack: Element[] = [...elements(el)].reverse();
  for (let e = stack.pop(); e; e = stack.pop()) {
    yield e;
    stack.push(...elements(e).reverse());
  }
}

/** Every descendant of `el` in namespace `ns` named `name`, in document order. */
export function descendants(el: Element, ns: string, name: string): Element[] {
  return [...under(el)].filter((e) => e.localName === name && e.namespaceURI === ns);
}

/** All the text under `el`, in document order (DOM's `textContent`). */
export function textOf(el: Element): string {
  let out = '';
  const stack: (Element | string)[] = [el];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (typeof n === 'string') out += n;
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
