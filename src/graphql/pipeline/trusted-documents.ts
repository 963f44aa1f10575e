/**
 * Trusted documents (persisted operations): the operations a backend will send, known at start.
 *
 * TRUSTED_DOCUMENTS_FILE is a JSON object of ids to document texts, as graphql-codegen's client
 * preset writes persisted-documents.json: `{"sha256:<hex>": "query Chart(…) { … }"}` (a bare
 * `<hex>` key is read as `sha256:<hex>`). At start every document is checked (the id is the sha256
 * of the text), parsed, validated with the request's rules (depth and cost included) and its
 * calculation operations compiled and kept in the table of prepared operations for good, so the
 * fast path serves them from the first request. A bad manifest stops the start with every problem
 * listed.
 *
 * A request may then send `{"documentId": "sha256:<hex>", "variables": …}` (POST body, or GET query
 * parameters). TRUSTED_DOCUMENTS:
 * - `off`: no manifest; documentId is not read;
 * - `allow`: documentId served from the manifest, and any other text as usual;
 * - `require` (recommended in production): only the manifest's documents run. Another text →
 *   400 TRUSTED_DOCUMENT_REQUIRED; an unknown id (or APQ hash) → 400 PERSISTED_QUERY_NOT_FOUND.
 *
 * On the Apollo path `expressMiddleware` puts the text in place of the id before Apollo reads the
 * request, or refuses it; the fast path asks `sourceOf` and hands on what it must refuse.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError, HTTP_STATUS_BY_CODE, PersistedQueryNotFoundError, publicErrorOf, TrustedDocumentRequiredError } from '../../errors.js';
import type { PreparedOperations } from './execution.js';

export type TrustedDocumentsMode = 'off' | 'allow' | 'require';

/** Manifests larger than this are refused at start. */
const MAX_MANIFEST_BYTES = 20_000_000;
/** Documents in one manifest, at most. */
const MAX_DOCUMENTS = 10_000;
const ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/** A manifest that cannot be used; the message lists every problem. */
export class TrustedDocumentsError extends Error {
  constructor(file: string, readonly problems: string[]) {
    super(`TRUSTED_DOCUMENTS_FILE ${file}:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    this.name = 'TrustedDocumentsError';
  }
}

/** The request's document: its text, or a refusal. */
export type DocumentResolution =
  | { kind: 'text'; source: string }
  | { kind: 'refused'; error: DomainError }
  /** Nothing to decide here (no text nor id): the request goes on as it is. */
  | { kind: 'none' };

/** What a request names its document with (POST body or GET parameters, as sent). */
export interface DocumentReference {
  query?: unknown;
  documentId?: unknown;
  /** The APQ hash of `extensions.persistedQuery.sha256Hash`, when sent. */
  apqHash?: unknown;
}

export class TrustedDocuments {
  private constructor(
    readonly mode: TrustedDocumentsMode,
    /** "sha256:<hex>" → text. */
    private readonly byId: ReadonlyMap<string, string>,
    private readonly texts: ReadonlySet<string>,
  ) {}

  /** No manifest: every text runs, documentId is not read. */
  static off(): TrustedDocuments {
    return new TrustedDocuments('off', new Map(), new Set());
  }

  /**
   * Reads, checks and prepares the manifest.
   * @param rules the validation rules of every request besides graphql-js' own (depth, cost)
   * @throws TrustedDocumentsError listing every problem
   */
  static load(mode: Exclude<TrustedDocumentsMode, 'off'>, file: string, schema: GraphQLSchema, rules: readonly ValidationRule[], prepared: PreparedOperations): TrustedDocuments {
    const fail = (problem: string) => new TrustedDocumentsError(file, [problem]);
    let raw: unknown;
    try {
      if (statSync(file).size > MAX_MANIFEST_BYTES) throw fail(`larger than ${MAX_MANIFEST_BYTES} bytes`);
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error instanceof TrustedDocumentsError) throw error;
      throw fail(error instanceof SyntaxError ? `not JSON (${error.message})` : `cannot be read (${(error as Error).message})`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail('expected a JSON object of "sha256:<hex>" ids to document texts');
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length === 0) throw fail('no documents');
    if (entries.length > MAX_DOCUMENTS) throw fail(`more than ${MAX_DOCUMENTS} documents`);

    const problems: string[] = [];
    const byId = new Map<string, string>();
    const checked: [string, string, ReturnType<typeof parse>][] = [];
    for (const [key, text] of entries) {
      const hex = ID.exec(key)?.[1];
      if (hex === undefined) {
        problems.push(`${JSON.stringify(key.slice(0, 80))}: not an id of the form "sha256:<64 hex digits>"`);
        continue;
      }
      const id = `sha256:${hex}`;
      if (typeof text !== 'string') {
        problems.push(`${id}: the document is not a string`);
        continue;
      }
      if (createHash('sha256').update(text).digest('hex') !== hex) {
        problems.push(`${id}: is not the sha256 of its document text`);
        continue;
      }
      let document;
      try {
        document = parse(text);
      } catch (error) {
        problems.push(`${id}: ${(error as Error).message}`);
        continue;
      }
      const errors = validate(schema, document, [...specifiedRules, ...rules]);
      if (errors.length > 0) {
        problems.push(...errors.map((e) => `${id}: ${e.message}`));
        continue;
      }
      byId.set(id, text);
      checked.push([id, text, document]);
    }
    if (problems.length > 0) throw new TrustedDocumentsError(file, problems);
    for (const [, text, document] of checked) prepared.pin(text, document);
    return new TrustedDocuments(mode, byId, new Set(byId.values()));
  }

  /** Documents in the manifest. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * The document a request runs, by the mode: the manifest's text of its id, its own text when the
   * mode lets it run, or a refusal.
   */
  resolve(ref: DocumentReference): DocumentResolution {
    if (this.mode === 'off') return { kind: 'none' };
    const { query, documentId, apqHash } = ref;
    if (documentId !== undefined && documentId !== null) {
      const source = typeof documentId === 'string' ? this.byId.get(normalizeId(documentId)) : undefined;
      if (source === undefined) return { kind: 'refused', error: new PersistedQueryNotFoundError('Unknown documentId: not in the trusted documents') };
      if (query !== undefined && query !== null && query !== source) {
        return { kind: 'refused', error: new TrustedDocumentRequiredError('Send documentId or the document text, not both') };
      }
      return { kind: 'text', source };
    }
    if (this.mode === 'allow') return { kind: 'none' };
    if (typeof query === 'string') {
      return this.texts.has(query)
        ? { kind: 'text', source: query }
        : { kind: 'refused', error: new TrustedDocumentRequiredError('Only trusted documents run here: send {"documentId": "sha256:<hex>"} of a document in the manifest') };
    }
    if (apqHash !== undefined) {
      const source = typeof apqHash === 'string' ? this.byId.get(normalizeId(apqHash)) : undefined;
      return source === undefined
        ? { kind: 'refused', error: new PersistedQueryNotFoundError('Unknown persisted query: not in the trusted documents') }
        : { kind: 'text', source };
    }
    return { kind: 'none' };
  }

  /**
   * Express middleware in front of Apollo (/graphql): puts the manifest's text in place of a
   * documentId (POST body or GET parameters), or answers the refusal (HTTP 400, a GraphQL error).
   */
  expressMiddleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      if (this.mode === 'off') {
        next();
        return;
      }
      if (req.method === 'GET') {
        const url = new URL(req.url, 'http://localhost');
        const params = url.searchParams;
        const resolution = this.resolve({
          query: params.get('query') ?? undefined,
          documentId: params.get('documentId') ?? undefined,
          apqHash: apqHashOf(parseJsonParam(params.get('extensions'))),
        });
        if (resolution.kind === 'refused') return refuse(res, resolution.error);
        if (resolution.kind === 'text') {
          params.delete('documentId');
          params.delete('extensions');
          params.set('query', resolution.source);
          req.url = `${url.pathname}?${params.toString()}`;
        }
        next();
        return;
      }
      const body: unknown = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        next();
        return;
      }
      const { query, documentId, extensions, ...rest } = body as Record<string, unknown>;
      const resolution = this.resolve({ query, documentId, apqHash: apqHashOf(extensions) });
      if (resolution.kind === 'refused') return refuse(res, resolution.error);
      if (resolution.kind === 'text') {
        const others = typeof extensions === 'object' && extensions !== null ? { ...(extensions as Record<string, unknown>) } : undefined;
        delete others?.persistedQuery;
        req.body = { ...rest, query: resolution.source, ...(others && Object.keys(others).length > 0 ? { extensions: others } : {}) };
      }
      next();
    };
  }
}

/** "sha256:<hex>" of an id given as "sha256:<hex>" or "<hex>" (any case). */
function normalizeId(id: string): string {
  const lower = id.toLowerCase();
  return lower.startsWith('sha256:') ? lower : `sha256:${lower}`;
}

function apqHashOf(extensions: unknown): unknown {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const pq = (extensions as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery;
  return pq?.sha256Hash;
}

function parseJsonParam(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined; // Apollo answers its own error for it
  }
}

function refuse(res: Response, error: DomainError): void {
  const { code, message } = publicErrorOf(error);
  res.status(HTTP_STATUS_BY_CODE[code]).json({ errors: [{ message, extensions: { code } }] });
}
