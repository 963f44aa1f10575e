/**
 * OpenTelemetry tracing against a local OTLP/HTTP receiver (an HTTP server in this test on
 * 127.0.0.1 that decodes what the exporter posts: OTLP JSON, or the protobuf
 * ExportTraceServiceRequest read field by field from its wire format). It proves that an incoming
 * W3C `traceparent` is continued (same trace id, the server span's parent is the incoming span),
 * that the HTTP request, GraphQL operation, cache lookup and calculation spans form one tree on
 * both paths (Apollo and the fast path), and that without OTEL_EXPORTER_OTLP_ENDPOINT nothing is
 * exported. Spans are exported by `forceFlush`, not waited for.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tracingEnabled } from '../../src/observability/tracing.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../helpers/queries.js';

/** An origin outside CORS_ORIGINS: the request goes through express and Apollo, not the fast path. */
const VIA_APOLLO = { Origin: 'http://elsewhere.invalid' };

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
}

interface Export {
  path: string;
  contentType: string;
  serviceNames: string[];
  spans: ReceivedSpan[];
}

// --- protobuf wire format (opentelemetry-proto: collector/trace/v1/trace_service.proto, trace/v1/trace.proto) ---

/** The fields of one protobuf message: field number → values (Buffer for length-delimited, bigint for varints). */
function protoFields(buf: Buffer): Map<number, (Buffer | bigint)[]> {
  const fields = new Map<number, (Buffer | bigint)[]>();
  let i = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated varint');
      const byte = buf[i++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const tag = Number(varint());
    const field = tag >>> 3;
    const wire = tag & 7;
    let value: Buffer | bigint;
    if (wire === 0) value = varint();
    else if (wire === 1 || wire === 5 || wire === 2) {
      const length = wire === 1 ? 8 : wire === 5 ? 4 : Number(varint()); // fixed64, fixed32, length-delimited
      value = buf.subarray(i, i + length);
      i += length;
    } else throw new Error(`unexpected wire type ${wire}`);
    if (i > buf.length) throw new Error('truncated field');
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const bytesOf = (f: Map<number, (Buffer | bigint)[]>, n: number): Buffer[] => (f.get(n) ?? []).filter((v): v is Buffer => Buffer.isBuffer(v));

/** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 } → service names and spans. */
function decodeProtobuf(body: Buffer): Pick<Export, 'serviceNames' | 'spans'> {
  const serviceNames: string[] = [];
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of bytesOf(protoFields(body), 1)) {
    const rs = protoFields(resourceSpans);
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2 }; Resource { repeated KeyValue attributes = 1 }
    for (const resource of bytesOf(rs, 1)) {
      for (const kv of bytesOf(protoFields(resource), 1)) {
        const keyValue = protoFields(kv); // KeyValue { string key = 1; AnyValue value = 2 }, AnyValue { string string_value = 1 }
        if (bytesOf(keyValue, 1)[0]?.toString('utf8') !== 'service.name') continue;
        serviceNames.push(bytesOf(protoFields(bytesOf(keyValue, 2)[0]), 1)[0].toString('utf8'));
      }
    }
    // ScopeSpans { scope = 1; repeated Span spans = 2 }
    for (const scopeSpans of bytesOf(rs, 2)) {
      for (const spanBytes of bytesOf(protoFields(scopeSpans), 2)) {
        // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6 }
        const s = protoFields(spanBytes);
        spans.push({
          traceId: bytesOf(s, 1)[0]?.toString('hex') ?? '',
          spanId: bytesOf(s, 2)[0]?.toString('hex') ?? '',
          parentSpanId: bytesOf(s, 4)[0]?.toString('hex') ?? '',
          name: bytesOf(s, 5)[0]?.toString('utf8') ?? '',
          kind: Number(s.get(6)?.[0] ?? 0n),
        });
      }
    }
  }
  return { serviceNames, spans };
}

/** OTLP JSON: ids are hex strings, enums numbers. */
function decodeJson(body: Buffer): Pick<Export, 'serviceNames' | 'spans'> {
  interface JsonRequest {
    resourceSpans?: {
      resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
      scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] }[];
    }[];
  }
  const parsed = JSON.parse(body.toString('utf8')) as JsonRequest;
  const serviceNames: string[] = [];
  const spans: ReceivedSpan[] = [];
  for (const rs of parsed.resourceSpans ?? []) {
    for (const a of rs.resource?.attributes ?? []) if (a.key === 'service.name' && a.value.stringValue) serviceNames.push(a.value.stringValue);
    for (const ss of rs.scopeSpans ?? [])
      for (const s of ss.spans ?? []) spans.push({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, kind: s.kind });
  }
  return { serviceNames, spans };
}

/** The local OTLP/HTTP receiver: every export request, decoded by its content type. */
async function startReceiver(): Promise<{ server: Server; url: string; exports: Export[] }> {
  const exports: Export[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const contentType = req.headers['content-type'] ?? '';
      const decoded = contentType.startsWith('application/json') ? decodeJson(body) : decodeProtobuf(body);
      exports.push({ path: req.url ?? '', contentType, ...decoded });
      res.writeHead(200, { 'content-type': contentType.startsWith('application/json') ? 'application/json' : 'application/x-protobuf' });
      res.end(contentType.startsWith('application/json') ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports };
}

function chartBody(utc: string) {
  return { query: CHART_QUERY, operationName: 'Chart', variables: { input: { ...NEW_YORK_INPUT, moment: { utc } } } };
}

/** A fresh incoming trace context: W3C `traceparent` version 00, sampled. */
function incomingTrace(): { traceId: string; parentId: string; header: string } {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { traceId, parentId, header: `00-${traceId}-${parentId}-01` };
}

/** The chain of span names from `span` up to the root of its trace (as received). */
function ancestry(span: ReceivedSpan, spans: ReceivedSpan[]): string[] {
  const names: string[] = [];
  let current: ReceivedSpan | undefined = span;
  for (let guard = 0; current && guard < 20; guard++) {
    names.push(current.name);
    const parentId: string = current.parentSpanId;
    current = spans.find((s) => s.spanId === parentId);
  }
  return names;
}

/** Checks the span tree of one traced chart request and returns its spans. */
function expectChartTree(all: ReceivedSpan[], trace: { traceId: string; parentId: string }): ReceivedSpan[] {
  const spans = all.filter((s) => s.traceId === trace.traceId);
  const server = spans.filter((s) => s.parentSpanId === trace.parentId);
  expect(server.map((s) => s.name)).toEqual(['POST /graphql']);
  expect(server[0].kind).toBe(2); // SPAN_KIND_SERVER
  const byName = (name: string) => spans.filter((s) => s.name === name);
  expect(byName('query Chart')).toHaveLength(1);
  expect(byName('chart.compute')).toHaveLength(1);
  expect(byName('calculation-cache lookup')).toHaveLength(1);
  expect(ancestry(byName('chart.compute')[0], spans)).toEqual(['chart.compute', 'query Chart', 'POST /graphql']);
  expect(ancestry(byName('calculation-cache lookup')[0], spans)).toEqual(['calculation-cache lookup', 'POST /graphql']);
  return spans;
}

for (const protocol of ['http/json', 'http/protobuf'] as const) {
  describe(`tracing exported over OTLP (${protocol})`, () => {
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let t: TestApp;

    beforeAll(async () => {
      receiver = await startReceiver();
      t = await createTestApp({
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`, OTEL_EXPORTER_OTLP_PROTOCOL: protocol, OTEL_SERVICE_NAME: 'nocturna-test' },
      });
    });
    afterAll(async () => {
      await t.dispose();
      await new Promise((resolve) => receiver.server.close(resolve));
    });

    it('continues the incoming traceparent through Apollo, then the fast path, with one span per stage', async () => {
      expect(tracingEnabled()).toBe(true);
      const apolloRequests = vi.spyOn(t.apollo, 'executeHTTPGraphQLRequest');
      const viaApollo = incomingTrace();
      const first = await request(t.app).post('/graphql').set(VIA_APOLLO).set('Authorization', t.auth).set('traceparent', viaApollo.header).send(chartBody('2011-03-04T05:06:07Z'));
      expect(first.status).toBe(200);
      // The text is now prepared: the same query with other variables is answered by the fast path.
      const viaFastPath = incomingTrace();
      const second = await request(t.app).post('/graphql').set('Authorization', t.auth).set('traceparent', viaFastPath.header).send(chartBody('2012-03-04T05:06:07Z'));
      expect(second.status).toBe(200);
      expect(apolloRequests).toHaveBeenCalledTimes(1); // the second was the fast path's
      await t.tracing!.forceFlush();

      expect(receiver.exports.length).toBeGreaterThan(0);
      for (const e of receiver.exports) {
        expect(e.path).toBe('/v1/traces');
        expect(e.contentType).toMatch(protocol === 'http/json' ? /^application\/json/ : /^application\/x-protobuf/);
        expect(e.serviceNames).toEqual(['nocturna-test']);
      }
      const all = receiver.exports.flatMap((e) => e.spans);
      // Apollo's path: HTTP span, its operation span around execution, the cache lookup (plugin).
      expectChartTree(all, viaApollo);
      // The fast path answers without express: same tree.
      expectChartTree(all, viaFastPath);
    });

    it('starts a new trace when the request has no (or a malformed) traceparent', async () => {
      const before = new Set(receiver.exports.flatMap((e) => e.spans).map((s) => s.spanId));
      const res = await request(t.app).get('/health').set('traceparent', '00-not-a-trace-01');
      expect(res.status).toBe(200);
      await t.tracing!.forceFlush();
      const fresh = receiver.exports.flatMap((e) => e.spans).filter((s) => !before.has(s.spanId));
      expect(fresh.map((s) => s.name)).toEqual(['GET /health']);
      expect(fresh[0].parentSpanId).toBe('');
      expect(fresh[0].traceId).toMatch(/^[0-9a-f]{32}$/);
    });
  });
}

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('exports nothing and starts no tracer', async () => {
    const receiver = await startReceiver();
    const t = await createTestApp();
    try {
      expect(t.tracing).toBeUndefined();
      expect(tracingEnabled()).toBe(false);
      const trace = incomingTrace();
      for (const utc of ['2013-01-01T00:00:00Z', '2013-01-02T00:00:00Z']) {
        const res = await request(t.app).post('/graphql').set('Authorization', t.auth).set('traceparent', trace.header).send(chartBody(utc));
        expect(res.status).toBe(200);
      }
    } finally {
      await t.dispose();
      await new Promise((resolve) => receiver.server.close(resolve));
    }
    expect(receiver.exports).toEqual([]);
  });
});
