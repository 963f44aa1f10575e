/**
 * The GraphiQL explorer, on where ENABLE_SANDBOX is on (development and test by default, off in
 * production): GET /graphql from a browser (a request that prefers text/html, as Apollo's landing
 * page decided) answers the explorer page; every other /graphql request (POST, GET queries asking
 * for JSON) goes on to Apollo unchanged. The bundle (scripts/build-explorer.ts, run by
 * `npm run build`) is served from /explorer/assets/ on the same origin, under a CSP that names no
 * other origin (explorer.page.ts).
 *
 * In development the headers editor starts with `Authorization: Bearer <token>` from
 * DATA_DIR/dev-service-token (written at start by the accounts module on the embedded database),
 * and only for a request from this machine: the peer and the client address are loopback and the
 * Host header names a loopback host (a page of another site resolved to 127.0.0.1 by DNS rebinding
 * carries its own host name). The page is never cached and carries no CORS header, so another
 * origin's script cannot read it. In test and production it starts without a token.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { DEV_TOKEN_FILE } from '../accounts/dev-token.file.js';
import type { AppRuntime } from '../app.deps.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { EXAMPLE_OPERATION, EXAMPLE_VARIABLES } from './example.operation.js';
import {
  defaultExplorerOutDir,
  EXPLORER_ASSETS_PATH,
  EXPLORER_CSP,
  readExplorerEntry,
  renderExplorerPage,
  renderNotBuiltPage,
  type ExplorerEntry,
} from './explorer.page.js';

declare module '../app.deps.js' {
  interface AppDeps {
    /** Output folder of the explorer bundle; default dist/explorer under the package root. */
    explorerAssetsDir?: string;
  }
}

/** Media types of a GraphQL GET in Apollo's order: text/html wins only when preferred over JSON. */
const GRAPHQL_MEDIA_TYPES = [
  'application/json',
  'application/graphql-response+json',
  'multipart/mixed',
  'text/html',
];

/** True when the request would have got Apollo's landing page: a GET that prefers text/html. */
export function prefersHtml(req: Request): boolean {
  return req.accepts(GRAPHQL_MEDIA_TYPES) === 'text/html' && req.get('accept') !== undefined;
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || isLoopbackAddress(name.toLowerCase());
}

/** A request from this machine, addressed to a loopback host name (see the file comment). */
export function isLocalRequest(req: Request): boolean {
  return isLoopbackAddress(req.socket.remoteAddress) && isLoopbackAddress(req.ip) && isLoopbackHost(req.get('host'));
}

/** A compact JWT: three base64url segments. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The headers editor's starting text: the development service token for a local request in
 * development, "" otherwise (also when the file is missing, e.g. with DATABASE_URL set).
 */
async function startingHeaders(config: Config, req: Request): Promise<string> {
  if (config.nodeEnv !== 'development' || !isLocalRequest(req)) return '';
  const token = await readFile(join(config.dataDir, DEV_TOKEN_FILE), 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (!JWT_SHAPE.test(token)) return '';
  return JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
}

function setPageHeaders(res: Response): void {
  // Written by the CORS middleware for allowed origins; this page is for the browser tab only.
  res.removeHeader('Access-Control-Allow-Origin');
  res.removeHeader('Access-Control-Expose-Headers');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', EXPLORER_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Accept');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/**
 * The bundle's entry, read again when the manifest changes (a build after start, or none yet), so
 * the page never names files a rebuild has replaced.
 */
function entryLoader(outDir: string, logger: Logger): () => ExplorerEntry | undefined {
  const manifest = join(outDir, '.vite', 'manifest.json');
  let seen = Number.NaN;
  let entry: ExplorerEntry | undefined;
  const load = () => {
    const mtimeMs = statSync(manifest, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (mtimeMs !== seen) {
      entry = mtimeMs < 0 ? undefined : readExplorerEntry(outDir);
      seen = mtimeMs;
    }
    return entry;
  };
  if (!load()) logger.warn({ outDir }, 'GraphiQL explorer not built (run `npm run build`); GET /graphql says how');
  return load;
}

/** Router factory (ROUTERS in app.ts): the explorer page and its assets, or nothing when disabled. */
export function explorerRouter(rt: AppRuntime): Router {
  const router = Router();
  if (!rt.config.graphql.sandbox) return router;
  const outDir = rt.deps.explorerAssetsDir ?? defaultExplorerOutDir();
  const entry = entryLoader(outDir, rt.logger);
  const variables = JSON.stringify(EXAMPLE_VARIABLES, null, 2);

  router.get('/graphql', async (req, res, next) => {
    if (!prefersHtml(req)) {
      next();
      return;
    }
    try {
      const built = entry();
      setPageHeaders(res);
      if (!built) {
        // 200: a page for a person, saying what to run.
        res.status(200).send(renderNotBuiltPage());
        return;
      }
      const headers = await startingHeaders(rt.config, req);
      res.status(200).send(renderExplorerPage(built, { endpoint: '/graphql', query: EXAMPLE_OPERATION, variables, headers }));
    } catch (error) {
      next(error);
    }
  });

  router.use(
    EXPLORER_ASSETS_PATH,
    express.static(join(outDir, 'assets'), {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      // File names carry a content hash: a changed file is a new URL.
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => {
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      },
    }),
  );
  return router;
}
