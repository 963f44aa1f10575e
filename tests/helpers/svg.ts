/** Checks on SVG markup without a parser dependency, shared by the wheel and square-chart tests. */
import { expect } from 'vitest';

/** Attributes of a start tag's attribute list (`a="1" b="2"`). */
function attributesOf(list: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of list.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
  return attrs;
}

/**
 * Checks that tags nest properly, that text stands only inside `<text>`, `<title>` and `<desc>`,
 * and that every "<" starts a tag the patterns understand (a tiny well-formedness check).
 */
export function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([\w:-]+)(?:\s+[\w:-]+="[^"<]*")*\s*(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  // Text only inside <text>, <title> and <desc>: nothing stray between the shapes.
  const stray: string[] = [];
  const open: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([\w:-]+)(?:\s+[\w:-]+="[^"<]*")*\s*(\/?)>([^<]*)/g)) {
    const [, closing, name, selfClosing, after] = m;
    if (!selfClosing) {
      if (closing) open.pop();
      else open.push(name);
    }
    if (after && !['text', 'title', 'desc'].includes(open[open.length - 1] ?? '')) stray.push(`"${after}" in <${open[open.length - 1]}>`);
  }
  expect(stray).toEqual([]);
  // Every "<" starts a tag that the pattern above understood.
  const tags = svg.match(/<\/?[\w:-]+(?:\s+[\w:-]+="[^"<]*")*\s*\/?>/g) ?? [];
  expect(tags.join('').length).toBe(svg.replace(/>[^<]*</g, '><').replace(/^[^<]*|[^>]*$/g, '').length);
}

/** The markup from `start` (just after a `<g …>` start tag) up to that group's matching `</g>`. */
function innerFrom(svg: string, start: number, what: string): string {
  const tag = /<(\/?)g[\s>]/g;
  tag.lastIndex = start;
  let depth = 1;
  for (let t = tag.exec(svg); t; t = tag.exec(svg)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return svg.slice(start, t.index);
  }
  throw new Error(`${what}: no closing </g>`);
}

/** The markup inside the first `<g …>` whose start tag contains `marker`, up to its matching `</g>`. */
export function groupInner(svg: string, marker: string): string {
  const open = svg.indexOf(marker);
  expect(open, `${marker} drawn`).toBeGreaterThanOrEqual(0);
  return innerFrom(svg, svg.indexOf('>', open) + 1, marker);
}

/** The `<g …>` groups that have `attribute`, with their attributes and inner markup, in document order. */
export function groups(svg: string, attribute: string): { attrs: Record<string, string>; inner: string }[] {
  const out: { attrs: Record<string, string>; inner: string }[] = [];
  for (const m of svg.matchAll(/<g((?:\s+[\w:-]+="[^"]*")*)>/g)) {
    const attrs = attributesOf(m[1]);
    if (attribute in attrs) out.push({ attrs, inner: innerFrom(svg, m.index + m[0].length, `<g ${attribute}>`) });
  }
  return out;
}
