/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of the REST routes (openapi.registry.ts),
 * and GET /api/v1/docs: the same description as a page rendered here, on the server, from that
 * document: no script, no other origin (its CSP allows only its own inline style, by hash). Both
 * are public, as the routes they describe are: the description holds no secret and no data.
 * Both are built on their first request, when every router has registered its routes.
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { AppRuntime } from '../app.deps.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/v1/docs';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1d1d29}
h2{border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2rem}
.op{border:1px solid #ccd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.method{display:inline-block;min-width:3.5rem;font-weight:700;text-transform:uppercase}
.get{color:#0a6b3d}.post{color:#0b4fa8}code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f4f4f8;padding:.5rem;overflow:auto;max-height:30rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e4ee;padding:.2rem .4rem;text-align:left;vertical-align:top}
.lock{font-size:12px;color:#7a4b00}`;

/** The docs page's Content-Security-Policy: nothing but its own inline style. */
export const DOCS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Operation {
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; required: boolean; description?: string; schema: ParameterSchema }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

interface ParameterSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: { type?: string; enum?: unknown[] };
}

function typeOf(schema: ParameterSchema): string {
  const values = schema.enum ?? schema.items?.enum;
  const base = schema.type === 'array' ? `list of ${schema.items?.type ?? 'values'}` : (schema.type ?? 'any');
  const range = schema.minimum !== undefined ? ` ${schema.minimum}…${schema.maximum ?? ''}` : '';
  return values ? `${base}: ${values.join(' | ')}` : base + range;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const parts = [
    `<div class="op" id="${escapeHtml(method + path)}"><p><span class="method ${method}">${method}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(op.summary)}`,
    op.security?.length === 0 ? '' : ' <span class="lock">(token: <code>Authorization: Bearer …</code>)</span>',
    '</p>',
    op.description ? `<p>${escapeHtml(op.description)}</p>` : '',
  ];
  if (op.parameters?.length) {
    parts.push('<table><tr><th>query parameter</th><th>type</th><th>description</th></tr>');
    for (const p of op.parameters) {
      parts.push(
        `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
      );
    }
    parts.push('</table>');
  }
  for (const [mediaType, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
    parts.push(`<details><summary>request body (${escapeHtml(mediaType)})</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`);
  }
  parts.push('<table><tr><th>status</th><th>response</th></tr>');
  for (const [status, r] of Object.entries(op.responses)) {
    const media = Object.keys(r.content ?? {});
    parts.push(`<tr><td>${escapeHtml(status)}</td><td>${escapeHtml(r.description)}${media.length ? ` <code>${escapeHtml(media.join(', '))}</code>` : ''}</td></tr>`);
  }
  parts.push('</table></div>');
  return parts.join('');
}

/** The documentation page of an OpenAPI document (as OpenApiRegistry.document() writes it). */
export function renderDocsPage(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
  const body = [
    `<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1>`,
    `<p>${escapeHtml(info.description)}</p>`,
    `<p>Machine-readable: <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a> (OpenAPI 3.1). GraphQL: <a href="/graphql">/graphql</a>.</p>`,
    '<h2>Routes</h2>',
    ...Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => renderOperation(method, path, op))),
    '<h2>Schemas</h2>',
    ...Object.entries(schemas).map(
      ([name, schema]) => `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`,
    ),
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(info.title)}</title><style>${STYLE}</style></head><body>${body.join('\n')}</body></html>`;
}

export function openApiRouter(rt: AppRuntime): Router {
  const router = Router();
  const tags = ['documentation'];
  rt.openapi.register({
    method: 'get',
    path: OPENAPI_PATH,
    summary: 'This description (OpenAPI 3.1)',
    tags,
    auth: false,
    responses: { 200: { description: 'The OpenAPI document.', json: z.object({ openapi: z.string() }).loose() } },
  });
  rt.openapi.register({
    method: 'get',
    path: DOCS_PATH,
    summary: 'This description as a page',
    tags,
    auth: false,
    responses: { 200: { description: 'HTML, no script.', content: { mediaType: 'text/html', schema: { type: 'string' } } } },
  });
  let json: string | undefined;
  let page: string | undefined;
  router.get(OPENAPI_PATH, (_req, res) => {
    json ??= JSON.stringify(rt.openapi.document());
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.send(json);
  });
  router.get(DOCS_PATH, (_req, res) => {
    page ??= renderDocsPage(rt.openapi.document());
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.send(page);
  });
  return router;
}
