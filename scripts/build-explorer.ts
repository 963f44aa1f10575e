/**
 * Bundles the GraphiQL explorer (explorer/main.tsx: graphiql 4, @graphiql/plugin-explorer, React)
 * with vite into dist/explorer/ (assets/ with content-hashed names, .vite/manifest.json that the
 * server reads to name them). Run by `npm run build` after tsc; `node dist/scripts/build-explorer.js
 * [--force]` runs it alone. Prints the bundle size and the build time.
 *
 * It skips the work when dist/explorer/build-stamp.json records the same inputs (a SHA-256 of the
 * explorer/ sources, this script and package-lock.json), so repeated builds cost nothing.
 *
 * Why graphiql 4 and not 5: graphiql 5 replaced CodeMirror 5 with Monaco. Monaco inserts <style>
 * elements and style attributes at run time (so the page would need `style-src 'unsafe-inline'`),
 * runs three web workers, and bundles to about 7 MB in ~20 s; graphiql 4 bundles to about 1.9 MB of
 * plain static files in a few seconds and runs under `style-src 'self'` with no violation.
 * Why vite: it is already installed (vitest runs on it) and needs no install script; esbuild's
 * package has a postinstall step.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defaultExplorerOutDir, EXPLORER_BASE, packageRoot } from '../src/explorer/explorer.page.js';

export interface ExplorerBuildResult {
  outDir: string;
  /** False when the stamp matched and nothing was rebuilt. */
  built: boolean;
  /** Files under assets/ and their total size, bytes (raw and gzip -9). */
  files: number;
  bytes: number;
  gzipBytes: number;
  /** Wall time of the vite build, ms (0 when skipped). */
  buildMs: number;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** SHA-256 over the inputs of the bundle: explorer/ sources, this script, the lock file. */
function inputsHash(root: string): string {
  const hash = createHash('sha256');
  // The TypeScript source of this script (the same whether it runs compiled or under vitest).
  const script = join(root, 'scripts', 'build-explorer.ts');
  for (const file of [...filesUnder(join(root, 'explorer')), script, join(root, 'package-lock.json')]) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function measure(outDir: string): Pick<ExplorerBuildResult, 'files' | 'bytes' | 'gzipBytes'> {
  const files = filesUnder(join(outDir, 'assets'));
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const data = readFileSync(f);
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { files: files.length, bytes, gzipBytes };
}

/**
 * Builds the explorer bundle into `outDir` (default dist/explorer) unless its stamp is current.
 * @param options.force rebuild even when the stamp matches
 */
export async function buildExplorer(options: { root?: string; outDir?: string; force?: boolean } = {}): Promise<ExplorerBuildResult> {
  const root = options.root ?? packageRoot();
  const outDir = options.outDir ?? (options.root ? join(root, 'dist', 'explorer') : defaultExplorerOutDir());
  const stampFile = join(outDir, 'build-stamp.json');
  const inputs = inputsHash(root);
  if (!options.force && existsSync(join(outDir, '.vite', 'manifest.json')) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs?: string; files: number; bytes: number; gzipBytes: number };
    if (stamp.inputs === inputs) return { outDir, built: false, files: stamp.files, bytes: stamp.bytes, gzipBytes: stamp.gzipBytes, buildMs: 0 };
  }

  // vite is a development dependency: imported here only, never by the server.
  const { build } = await import('vite');
  const started = performance.now();
  // Built beside the output folder, then swapped in: a server reading the manifest meanwhile sees
  // the old bundle or none, never a half-written one; a failed build leaves the old one in place.
  const building = `${outDir}.building-${process.pid}`;
  // vite decides production vs development (resolve conditions, JSX transform) from NODE_ENV when it
  // is set, and vitest sets it to "test": build as production whoever calls.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      envDir: false, // never read .env files: nothing from the environment goes into the bundle
      root: join(root, 'explorer'),
      base: EXPLORER_BASE,
      mode: 'production',
      logLevel: 'warn',
      publicDir: false,
      oxc: { jsx: { runtime: 'automatic', development: false } },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: building,
        emptyOutDir: true,
        manifest: true,
        sourcemap: false,
        target: 'es2022',
        // One application chunk of ~1.1 MB (GraphiQL, React, CodeMirror 5) is expected here.
        chunkSizeWarningLimit: 2048,
        rolldownOptions: {
          input: join(root, 'explorer', 'main.tsx'),
          onLog(level, log, handler) {
            // React libraries' "use client" directives mean nothing in a client-only bundle, and the
            // plugin timing advice only says that the machine was busy.
            if (log.code === 'MODULE_LEVEL_DIRECTIVE' || log.code === 'PLUGIN_TIMINGS') return;
            handler(level, log);
          },
        },
      },
    });
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const buildMs = performance.now() - started;
  const sizes = measure(building);
  writeFileSync(join(building, 'build-stamp.json'), `${JSON.stringify({ inputs, ...sizes }, null, 2)}\n`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(building, outDir);
  return { outDir, built: true, ...sizes, buildMs };
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const result = await buildExplorer({ force: process.argv.includes('--force') });
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `explorer bundle ${result.built ? `built in ${(result.buildMs / 1000).toFixed(1)} s` : 'up to date'}: ` +
      `${relative(process.cwd(), result.outDir) || '.'} — ${result.files} files, ${kib(result.bytes)} (${kib(result.gzipBytes)} gzip)`,
  );
}
