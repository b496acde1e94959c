import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/** WordprocessingML's namespace (`w:`). */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Office Math's namespace (`m:`). */
export const M = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

export type { Element, Node };

/** Raised for a part that is not well-formed XML; the reader turns it into a one-line message. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** Parses one XML part of the package; a broken part is an `XmlError` naming it, never a DOM half read. */
export function parseXml(text: string, part: string): Element {
  let first: string | undefined;
  let root: Element | null = null;
  try {
    root = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') first ??= message.split('\n')[0];
      },
    }).parseFromString(text, 'text/xml').documentElement;
  } catch (e) {
    // xmldom throws (a NamespaceError, say, for a prefix never declared) as well as reporting.
    first ??= (e instanceof Error ? e.message : String(e)).split('\n')[0];
  }
  if (first || !root) throw new XmlError(`${part} is not well-formed XML (${first ?? 'no root element'})`);
  return root;
}

/** The element children of `el`, in order (text and comments skipped). */
export function elements(el: Node): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** The first child element of `el` in namespace `ns` named `name`. */
export function child(el: Element | undefined, ns: string, name: string): Element | undefined {
  if (!el) return undefined;
  return elements(el).find((c) => c.localName === name && c.namespaceURI === ns);
}

/** Every child element of `el` in namespace `ns` named `name`. */
export function childrenNamed(el: Element, ns: string, name: string): Element[] {
  return elements(el).filter((c) => c.localName === name && c.namespaceURI === ns);
}

/** The value of attribute `name` in namespace `ns` (Word writes `w:val`, `m:val`). */
export function attr(el: Element | undefined, ns: string, name: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(ns, name);
  return v === null || v === '' ? (el.hasAttributeNS(ns, name) ? '' : undefined) : v;
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

/** Every descendant of `el` in namespace `ns` named `name`, in document order. */
export function descendants(el: Element, ns: string, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}
