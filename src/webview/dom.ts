// The one way the panel builds DOM: strings always become text nodes, never markup.

/** Attributes to set; `undefined` and `false` leave an attribute out, `true` sets it empty. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** A child: a node, or a string that becomes a text node. */
export type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children; text is set through text nodes only. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children to a parent, strings as text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}
