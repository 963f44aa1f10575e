/**
 * Execution of the calculation queries with graphql-jit instead of graphql-js' interpreter.
 *
 * A chart answer has ~400 fields; graphql-js spends ~1–1.5 µs per field on bookkeeping (resolve
 * info, argument maps, paths, dictionary-mode result objects), ~0.4–0.6 ms of CPU per chart, about
 * as much as computing the chart. graphql-jit compiles an operation once into a function that
 * does the same work directly (~0.05 ms). A document is compiled (~2 ms) the second time it runs
 * (Apollo keeps parsed documents per query string), so one-off query strings cost no compile.
 *
 * Plugged in through Apollo Server's gateway interface (`load()` → `{ schema, executor }`), which
 * only replaces the execute step: parsing, validation (depth/cost rules), auth, quota, the
 * response cache and error formatting run as before. The compiled function is kept per parsed
 * document (Apollo caches documents per query string) and operation name.
 *
 * Scope, so that answers and errors stay exactly graphql-js': only queries whose root fields are
 * all registered as cacheable calculations (operation-policy.ts) and that select no introspection
 * field; variables are first coerced by graphql-js, whose errors (with their field paths) are
 * returned unchanged, and an operation whose compiled run reports any error is answered by
 * graphql-js instead (same errors, locations and partial data as before). Everything else (mutations, account queries, introspection, an operation
 * graphql-jit cannot compile) executes with graphql-js.
 *
 * Prepared operations: the source text of every document that ran here as an eligible operation
 * (so Apollo parsed and validated it, with the depth and cost rules) is remembered in a table
 * bounded by entries and by characters. The GraphQL fast path (fast-path.ts) looks a request's
 * query text up there and runs it without Apollo's per-request pipeline.
 */
import {
  execute,
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { isCacheableQuery } from './operation-policy.js';
import { rootFieldNames } from './plugins/root-fields.js';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** How many validated query texts are remembered for the fast path (oldest forgotten first). */
const MAX_PREPARED_SOURCES = 500;
/** Longer query texts are not remembered (they still run, through Apollo). */
const MAX_PREPARED_SOURCE_CHARS = 10_000;
/**
 * Characters of query text remembered in all (oldest forgotten first). A parsed document takes
 * up to ~50 bytes per character of text (aliased selections), so this keeps the table's documents
 * within ~25 MB whatever clients send; a chart query is ~500 characters.
 */
const MAX_PREPARED_TOTAL_CHARS = 500_000;

/** A validated calculation operation that may run without Apollo's pipeline. */
export interface PreparedOperation {
  /** The query text, as Apollo's `requestContext.source`. */
  source: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's own name, null when anonymous (Apollo's `requestContext.operationName`). */
  operationName: string | null;
  rootFields: string[];
}
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;


/** Compiles eligible operations once per document and runs them; graphql-js for the rest. */
export class JitExecutor {
  /**
   * document → operation name ('' for the only one) → compiled query; 'seen' after a first run of
   * an eligible operation; null when not eligible or not compilable.
   */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | 'seen' | null>>();
  /** Validated query text → its parsed document (insertion order; oldest evicted). */
  private readonly sources = new Map<string, DocumentNode>();
  /** Characters of the texts in `sources`. */
  private sourceChars = 0;
  /**
   * document → operation name (null: none given) → its prepared operation, or null when not
   * eligible. Only names of operations the document has are kept, so entries are bounded.
   */
  private readonly prepared = new WeakMap<DocumentNode, Map<string | null, PreparedOperation | null>>();

  constructor(private readonly schema: GraphQLSchema) {}

  /**
   * Executes `document` like graphql-js `execute`. `source` (Apollo's request context) registers
   * an eligible, hence validated, document for `preparedOperation`.
   */
  async execute(args: {
    document: DocumentNode;
    operationName?: string | null;
    variables?: Record<string, unknown>;
    contextValue: unknown;
    source?: string;
  }): Promise<ExecutionResult> {
    const { document, contextValue } = args;
    const operationName = args.operationName ?? undefined;
    const variables = args.variables ?? {};
    const compiled = this.compiledFor(document, operationName);
    if (args.source !== undefined && this.compiled.get(document)?.get(operationName ?? '')) {
      this.remember(args.source, document); // eligible: 'seen' or compiled
    }
    if (!compiled) {
      return execute({ schema: this.schema, document, variableValues: variables, contextValue, operationName });
    }
    const result = await this.runCompiled(compiled, variables, contextValue);
    if (!result.errors?.length) return result;
    // graphql-jit's errors lack graphql-js' nodes and extensions: run the failing operation again
    // with graphql-js for the exact usual errors. The calculation fields are pure and the request's
    // DataLoader already holds every chart that was computed, so nothing is computed twice.
    return execute({ schema: this.schema, document, variableValues: variables, contextValue, operationName });
  }

  /**
   * The prepared operation of a request, when its query text belongs to a document that already
   * ran here as an eligible operation; undefined otherwise (the request then goes through Apollo,
   * which parses, validates and registers it). `operationName` as the request gives it: undefined
   * when absent (or null); "" is a name, which no operation has.
   */
  preparedOperation(source: string, operationName: string | undefined): PreparedOperation | undefined {
    const document = this.sources.get(source);
    if (!document) return undefined;
    let byName = this.prepared.get(document);
    if (!byName) {
      byName = new Map();
      this.prepared.set(document, byName);
    }
    const key = operationName ?? null;
    const known = byName.get(key);
    if (known !== undefined) return known ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) return undefined; // no such operation: nothing kept (names are client input)
    const prepared =
      isCacheableQuery(operation, document)
        ? { source, document, operation, operationName: operation.name?.value ?? null, rootFields: rootFieldNames(operation, document) }
        : null;
    byName.set(key, prepared);
    return prepared ?? undefined;
  }

  /**
   * Runs a prepared operation compiled. undefined when it cannot run compiled (not compilable);
   * a result with errors is returned as is: the caller then lets Apollo answer the request.
   * Variables are coerced by graphql-jit alone (no graphql-js pass first, ~5% of an uncached
   * request): it refuses what graphql-js refuses (tests/unit/jit-executor.test.ts checks a battery
   * of bad inputs), and a refusal is answered by Apollo with graphql-js' own errors.
   */
  async runPrepared(prepared: PreparedOperation, variables: Record<string, unknown>, contextValue: unknown): Promise<ExecutionResult | undefined> {
    // Keyed like Apollo's executor calls: by the operation's own name (rc.operationName).
    const compiled = this.compiledFor(prepared.document, prepared.operationName ?? undefined);
    return compiled ? compiled.query.query(undefined, contextValue, variables) : undefined;
  }

  /** Apollo Server gateway that serves `schema` and executes through this executor. */
  gateway(): Gateway {
    const schema = this.schema;
    const executor: GatewayExecutor = (rc) =>
      this.execute({
        document: rc.document,
        operationName: rc.operationName ?? rc.request.operationName,
        variables: rc.request.variables,
        contextValue: rc.context,
        source: rc.source,
      });
    return {
      async load() {
        return { executor };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      async stop() {},
    };
  }

  /** graphql-js' variable coercion (identical errors: paths, messages, 400), then the compiled query. */
  private async runCompiled(
    compiled: { query: CompiledQuery; operation: OperationDefinitionNode },
    variables: Record<string, unknown>,
    contextValue: unknown,
  ): Promise<ExecutionResult> {
    const coerced = getVariableValues(this.schema, compiled.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    return compiled.query.query(undefined, contextValue, variables);
  }

  private remember(source: string, document: DocumentNode): void {
    if (source.length > MAX_PREPARED_SOURCE_CHARS || this.sources.get(source) === document) return;
    this.forget(source);
    while (this.sources.size > 0 && (this.sources.size >= MAX_PREPARED_SOURCES || this.sourceChars + source.length > MAX_PREPARED_TOTAL_CHARS)) {
      this.forget(this.sources.keys().next().value as string);
    }
    this.sources.set(source, document);
    this.sourceChars += source.length;
  }

  private forget(source: string): void {
    if (this.sources.delete(source)) this.sourceChars -= source.length;
  }

  private compiledFor(
    document: DocumentNode,
    operationName: string | undefined,
  ): { query: CompiledQuery; operation: OperationDefinitionNode } | null {
    let byName = this.compiled.get(document);
    if (!byName) {
      byName = new Map();
      this.compiled.set(document, byName);
    }
    const key = operationName ?? '';
    const operation = getOperationAST(document, operationName);
    if (!operation) return null;
    const state = byName.get(key);
    if (state === undefined) {
      // First run of this document: graphql-js. Compiling (~2 ms) pays off only for documents
      // that come again, and a stream of one-off query strings must not cost a compile each.
      byName.set(key, isCacheableQuery(operation, document) ? 'seen' : null);
      return null;
    }
    if (state === 'seen') {
      const result = compileQuery(this.schema, document, operationName);
      const query = isCompiledQuery(result) ? result : null;
      byName.set(key, query);
      return query ? { query, operation } : null;
    }
    return state ? { query: state, operation } : null;
  }
}
