/** A tiny XML writer: elements as nested arrays, text escaped, empty elements never written (PEPPOL-EN16931-R008). */

export type XmlAttrs = Record<string, string | undefined>;
export interface XmlNode {
  name: string;
  attrs?: XmlAttrs;
  /** text content (escaped) or child nodes */
  content?: string | Array<XmlNode | null | undefined | false>;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** el('cbc:ID', '1') / el('cac:Party', [children]) / el('cbc:EndpointID', '0403…', { schemeID: '0208' }). Returns null when empty. */
export function el(name: string, content: XmlNode['content'] | number | null | undefined, attrs?: XmlAttrs): XmlNode | null {
  if (content === undefined || content === null) return null;
  if (typeof content === 'number') content = String(content);
  if (typeof content === 'string') {
    if (content.trim() === '') return null;
    return { name, attrs, content };
  }
  const children = content.filter((c): c is XmlNode => !!c);
  if (children.length === 0) return null;
  return { name, attrs, content: children };
}

export function render(node: XmlNode, indent = ''): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(v as string)}"`)
    .join('');
  if (typeof node.content === 'string') return `${indent}<${node.name}${attrs}>${escapeXml(node.content)}</${node.name}>\n`;
  const children = (node.content ?? []).filter((c): c is XmlNode => !!c);
  return `${indent}<${node.name}${attrs}>\n${children.map((c) => render(c, `${indent}  `)).join('')}${indent}</${node.name}>\n`;
}
