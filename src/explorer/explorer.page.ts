/**
 * The HTML page of the GraphiQL explorer and its Content-Security-Policy. The page names only files
 * of the vite build (dist/explorer/.vite/manifest.json) under EXPLORER_ASSETS_PATH, all on the
 * app's own origin; its settings travel in a JSON data block (not executed, so `script-src 'self'`
 * holds without 'unsafe-inline').
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** URL path prefix of the bundle (vite's `base`, scripts/build-explorer.ts). */
export const EXPLORER_BASE = '/explorer/';
/** URL path of the bundle's files. */
export const EXPLORER_ASSETS_PATH = `${EXPLORER_BASE}assets`;

/**
 * The package root: the nearest folder above this file holding package.json (the checkout from
 * src/explorer/ and from dist/src/explorer/, /app in the image).
 */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Default output folder of the bundle: dist/explorer under the package root. */
export function defaultExplorerOutDir(): string {
  return join(packageRoot(), 'dist', 'explorer');
}

/**
 * The policy of the explorer page: every fetch, script, style, font and image from the app's own
 * origin ('self'), fonts and icons embedded in the stylesheet as data: URLs; no other origin, no
 * inline script or style, no frames, no form posts, no plugins.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The entry of the built bundle: its script, stylesheets and preloaded chunks (URL paths). */
export interface ExplorerEntry {
  script: string;
  styles: string[];
  preload: string[];
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

/**
 * Reads the entry of the vite manifest in `outDir` (the bundle's output folder).
 * @returns undefined when the bundle has not been built
 * @throws when the manifest exists but has no entry (a broken build)
 */
export function readExplorerEntry(outDir: string): ExplorerEntry | undefined {
  const file = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error(`${file}: no entry chunk`);
  const url = (asset: string) => `${EXPLORER_ASSETS_PATH}/${asset.replace(/^assets\//, '')}`;
  return {
    script: url(entry.file),
    styles: (entry.css ?? []).map(url),
    preload: (entry.imports ?? []).flatMap((key) => (manifest[key] ? [url(manifest[key].file)] : [])),
  };
}

/** Settings the browser side reads from the page (explorer/main.tsx, ExplorerPageConfig). */
export interface ExplorerPageConfig {
  endpoint: string;
  query: string;
  variables: string;
  /** Headers editor contents (JSON text), "" for none. */
  headers: string;
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** JSON safe inside a <script> element: no "</script", no "<!--", no U+2028/2029 surprises. */
const jsonForScriptElement = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The explorer page for `entry` with `config`. */
export function renderExplorerPage(entry: ExplorerEntry, config: ExplorerPageConfig): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Nocturna GraphQL explorer</title>',
    '<link rel="icon" href="data:,">',
    ...entry.styles.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`),
    ...entry.preload.map((href) => `<link rel="modulepreload" href="${escapeAttribute(href)}">`),
    `<script type="module" src="${escapeAttribute(entry.script)}"></script>`,
    '</head>',
    '<body>',
    '<noscript>The explorer needs JavaScript. Without it, POST GraphQL requests to /graphql (README, Example queries).</noscript>',
    '<div id="explorer-root"></div>',
    `<script type="application/json" id="explorer-config">${jsonForScriptElement(config)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page served when the bundle is missing (a checkout that ran tsc but not `npm run build`). */
export function renderNotBuiltPage(): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Nocturna GraphQL explorer</title><link rel="icon" href="data:,"></head>',
    '<body><h1>The explorer is not built</h1>',
    '<p>Run <code>npm run build</code> (or <code>make start</code>), which bundles it into <code>dist/explorer/</code>, then reload.',
    'GraphQL itself works: POST queries to <code>/graphql</code>.</p></body></html>',
    '',
  ].join('\n');
}
