/** Small helpers to write SVG text safely and deterministically. */

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute list from a record; values are escaped, undefined values are left out, order kept. */
export function attrs(record: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** A self-closing or content element. */
export function el(name: string, record: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(record)}/>` : `<${name}${attrs(record)}>${content}</${name}>`;
}
