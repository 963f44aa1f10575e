/**
 * OpenTelemetry tracing. On when OTEL_EXPORTER_OTLP_ENDPOINT is set: `startTracing` then loads the
 * SDK (dynamic imports, so a process without tracing never loads it), continues an incoming W3C
 * `traceparent`, and exports spans in batches over OTLP/HTTP (`http/protobuf`, the default, or
 * `http/json`) to `<endpoint>/v1/traces`. Off otherwise: the helpers below then cost one branch.
 *
 * Spans: the HTTP request (`traceHttpRequest`, around the whole listener, fast path and express
 * alike), the GraphQL operation (the execution stage, graphql/pipeline/execution.ts and the fast
 * path), the calculation-cache lookup (graphql/pipeline/calculation-cache.ts, in the gateway
 * cache) and each calculation or search (the services' `computeNow`, the wheel's drawing).
 * The active span follows the request through async calls (AsyncLocalStorage context manager).
 *
 * Tracing is process-wide: one `Tracing` at a time (createApp starts it, `GatewayApp.close` ends it).
 * Span attributes never hold tokens, variables or bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Attributes, Context, ContextManager, Span, TextMapPropagator, Tracer } from '@opentelemetry/api';
import type { Config } from '../config/config.js';

type Api = typeof import('@opentelemetry/api');

/** A running tracer: flush (tests, before exit) and shut down (exports what is left). */
export interface Tracing {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

interface ActiveTracing {
  api: Api;
  tracer: Tracer;
  propagator: TextMapPropagator;
}

/** Set while tracing is on; every helper checks it first. */
let active: ActiveTracing | undefined;

/** True while tracing is on. */
export function tracingEnabled(): boolean {
  return active !== undefined;
}

/**
 * Starts tracing when `config.endpoint` is set; undefined (nothing loaded) when it is not.
 * @throws Error when tracing is already running in this process
 */
export async function startTracing(config: Config['tracing']): Promise<Tracing | undefined> {
  if (config.endpoint === undefined) return undefined;
  if (active) throw new Error('tracing is already running in this process');
  const [api, core, asyncHooks, sdk, resources, semconv] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  const url = `${config.endpoint.replace(/\/+$/, '')}/v1/traces`;
  const exporter =
    config.protocol === 'http/json'
      ? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({ url })
      : new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter({ url });
  const provider = new sdk.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ [semconv.ATTR_SERVICE_NAME]: config.serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(exporter)],
  });
  const contextManager: ContextManager = new asyncHooks.AsyncLocalStorageContextManager().enable();
  api.context.setGlobalContextManager(contextManager);
  active = { api, tracer: provider.getTracer('nocturna'), propagator: new core.W3CTraceContextPropagator() };
  return {
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      active = undefined;
      await provider.shutdown();
      api.context.disable();
    },
  };
}

function endWith(span: Span, api: Api, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: api.SpanStatusCode.ERROR });
}

/**
 * Runs `fn` inside a new span (child of the active one), ended when its promise settles; a
 * rejection marks the span as an error. Without tracing: `fn(undefined)`.
 */
export function inSpan<T>(name: string, attributes: Attributes | undefined, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  const t = active;
  if (t === undefined) return fn(undefined);
  return t.tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      endWith(span, t.api, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** `inSpan` for synchronous work. */
export function inSpanSync<T>(name: string, attributes: Attributes | undefined, fn: (span: Span | undefined) => T): T {
  const t = active;
  if (t === undefined) return fn(undefined);
  return t.tracer.startActiveSpan(name, { attributes }, (span) => {
    try {
      return fn(span);
    } catch (error) {
      endWith(span, t.api, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The response as express extends it (the request observer puts the route label there). */
type ObservedResponse = ServerResponse & { locals?: { observation?: { route?: string } } };

const headerGetter = {
  keys: (carrier: IncomingMessage['headers']) => Object.keys(carrier),
  get: (carrier: IncomingMessage['headers'], key: string) => carrier[key],
};

/**
 * Runs `handle` (the whole listener) inside the request's server span, continuing the incoming
 * W3C `traceparent` / `tracestate`; the span ends when the response closes, named after the
 * route the request observer labelled (never the raw URL).
 */
export function traceHttpRequest(req: IncomingMessage, res: ServerResponse, handle: () => void): void {
  const t = active;
  if (t === undefined) {
    handle();
    return;
  }
  const { api } = t;
  const parent: Context = t.propagator.extract(api.ROOT_CONTEXT, req.headers, headerGetter);
  const method = req.method ?? 'GET';
  const span = t.tracer.startSpan(method, { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': method } }, parent);
  res.once('close', () => {
    const route = (res as ObservedResponse).locals?.observation?.route;
    if (route !== undefined) {
      span.updateName(`${method} ${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: api.SpanStatusCode.ERROR });
    span.end();
  });
  const context = api.trace.setSpan(parent, span);
  // The body arrives in 'data' / 'end' events, which run outside this call: bind them to the span.
  api.context.bind(context, req);
  api.context.with(context, handle);
}
