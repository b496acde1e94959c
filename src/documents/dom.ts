/**
 * Walking the trees htmlparser2 builds (web pages, OpenDocument's XML, MathML), without recursion
 * where a hostile document could nest deeper than the stack.
 */
import { type ChildNode, type Element, isTag, isText } from 'domhandler';

/** The text of a node, entities decoded, whitespace as written. */
export function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? node.children.map(textOf).join('') : '';
}

/** An element's child elements. */
export const elements = (el: Element): Element[] => el.children.filter(isTag);

/** Every element named `name` under `el`, in document order. */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.name === name) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** The shallowest element among `nodes` and under them whose name is one of `names`. */
export function shallowest(nodes: Element[], names: readonly string[]): Element | undefined {
  const queue = [...nodes];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    if (names.includes(n.name)) return n;
    queue.push(...elements(n));
  }
  return undefined;
}
