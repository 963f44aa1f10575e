/**
 * Execution stage: calculation operations run compiled (graphql-jit) from a table of prepared
 * operations; every other operation runs on graphql-js.
 *
 * Why: a chart answer has ~400 fields; graphql-js spends ~1–1.5 µs per field on bookkeeping (resolve
 * info, argument maps, paths), about as much as computing the chart. graphql-jit compiles an
 * operation once into a function that does the same work directly (~0.05 ms).
 *
 * The table (PreparedOperations) holds the query texts whose calculation operations Apollo has
 * parsed, validated (depth and cost rules included) and executed here: Apollo calls the executor
 * (`gateway()`, Apollo Server's gateway interface, which replaces only its execute step) with the
 * request's text and parsed document, and the executor prepares the operation. An operation is
 * compiled at its second run, so a stream of one-off query texts costs no compile. The fast path
 * looks a request's text up in the same table. The table is bounded by entries and characters
 * (oldest forgotten first).
 *
 * Answers stay exactly graphql-js': only cacheable queries (the calculations: pure, no
 * introspection) are compiled, and a compiled run that reports any error is run again with
 * graphql-js for graphql-js' own errors, locations and partial data (the request's DataLoaders
 * hold every chart already computed, so nothing is computed twice).
 */
import { execute, getOperationAST, Kind, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { operationLabel } from '../../observability/request-observer.js';
import { inSpan, tracingEnabled } from '../../observability/tracing.js';
import type { OperationPolicies, OperationPolicy } from './operation-policy.js';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** How many query texts are remembered (oldest forgotten first). */
const MAX_PREPARED_SOURCES = 500;
/** Longer query texts are not prepared (they still run, on graphql-js). */
const MAX_PREPARED_SOURCE_CHARS = 10_000;
/**
 * Characters of query text remembered in all. A parsed document takes up to ~50 bytes per character
 * of text (aliased selections), so this keeps the table's documents within ~25 MB whatever clients
 * send; a chart query is ~500 characters.
 */
const MAX_PREPARED_TOTAL_CHARS = 500_000;

/**
 * Runs `fn` in the GraphQL operation's trace span (`query Chart`: the semantic conventions' name),
 * both paths' execution stage; without tracing, just `fn()`.
 */
export function inOperationSpan<T>(type: string, name: string | null | undefined, fn: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return fn();
  const label = name ? operationLabel(name) : undefined; // client input: bounded
  return inSpan(label ? `${type} ${label}` : type, undefined, (span) => {
    span?.setAttribute('graphql.operation.type', type);
    if (label) span?.setAttribute('graphql.operation.name', label);
    return fn();
  });
}

/** A validated calculation operation, ready to run compiled. */
export class PreparedOperation {
  /** The compiled query after the second run; null when graphql-jit cannot compile it. */
  private compiled: CompiledQuery | null | undefined = undefined;
  private runs = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    /** The query text (Apollo's `requestContext.source`). */
    readonly source: string,
    readonly document: DocumentNode,
    /** The operation's own name, null when anonymous (Apollo's `requestContext.operationName`). */
    readonly operationName: string | null,
    readonly policy: OperationPolicy,
  ) {}

  /** True once the operation runs compiled (from its second run on, when graphql-jit compiles it). */
  get runsCompiled(): boolean {
    return this.compiled !== undefined && this.compiled !== null;
  }

  /** The answer, with graphql-js' exact errors when there are any (Apollo's executor). */
  async execute(variables: Record<string, unknown>, contextValue: unknown): Promise<ExecutionResult> {
    const result = await this.executeUnlessErrors(variables, contextValue);
    return result ?? this.executeWithGraphqlJs(variables, contextValue);
  }

  /**
   * The answer when the run reports no error; undefined otherwise (the fast path then hands the
   * request to Apollo, which reports the errors).
   */
  async executeUnlessErrors(variables: Record<string, unknown>, contextValue: unknown): Promise<ExecutionResult | undefined> {
    const compiled = this.compiledQuery();
    const result = compiled
      ? await compiled.query(undefined, contextValue, variables)
      : await this.executeWithGraphqlJs(variables, contextValue);
    return result.errors?.length ? undefined : result;
  }

  private executeWithGraphqlJs(variables: Record<string, unknown>, contextValue: unknown): Promise<ExecutionResult> {
    return Promise.resolve(
      execute({ schema: this.schema, document: this.document, operationName: this.operationName, variableValues: variables, contextValue }),
    );
  }

  /** Compiles the operation now (trusted documents are compiled at start). */
  compileNow(): void {
    this.runs = Math.max(this.runs, 1);
    if (this.compiled === undefined) {
      const result = compileQuery(this.schema, this.document, this.operationName ?? undefined);
      this.compiled = isCompiledQuery(result) ? result : null;
    }
  }

  /** The compiled query from the second run on (null when not compilable). */
  private compiledQuery(): CompiledQuery | null | undefined {
    this.runs += 1;
    if (this.compiled === undefined && this.runs >= 2) {
      const result = compileQuery(this.schema, this.document, this.operationName ?? undefined);
      this.compiled = isCompiledQuery(result) ? result : null;
    }
    return this.compiled;
  }
}

/** A remembered query text: its document and its operations by requested name (null: none given). */
interface Entry {
  source: string;
  document: DocumentNode;
  byName: Map<string | null, PreparedOperation | null>;
}

/** The prepared calculation operations, by query text and requested operation name. */
export class PreparedOperations {
  /** Query text → entry, in insertion order (oldest first). */
  private readonly entries = new Map<string, Entry>();
  /** The trusted documents' entries (prepared at start), never forgotten nor counted in the bounds. */
  private readonly pinned = new Map<string, Entry>();
  /** Characters of the texts in `entries`. */
  private chars = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly policies: OperationPolicies,
  ) {}

  /**
   * The prepared operation of a document Apollo parsed and validated, or null when the operation
   * is not a calculation (it then runs on graphql-js). Remembers the text for `lookup`.
   * @param operationName as the request gives it (undefined when absent)
   */
  prepare(source: string, document: DocumentNode, operationName: string | undefined): PreparedOperation | null {
    const operation = getOperationAST(document, operationName);
    const pinned = this.pinned.get(source);
    if (pinned) return this.operationOf(pinned, operationName) ?? null;
    if (!operation || !this.policies.of(operation, document).cacheable || source.length > MAX_PREPARED_SOURCE_CHARS) return null;
    let entry = this.entries.get(source);
    if (entry?.document !== document) entry = this.remember(source, document);
    return this.operationOf(entry, operationName) ?? null;
  }

  /**
   * The prepared operation of a request's query text, when that text already ran here as a
   * calculation; undefined otherwise. `operationName` as the request gives it: undefined when absent;
   * "" is a name, which no operation has.
   */
  lookup(source: string, operationName: string | undefined): PreparedOperation | undefined {
    const entry = this.pinned.get(source) ?? this.entries.get(source);
    return entry && this.operationOf(entry, operationName);
  }

  /**
   * Keeps a validated document for good (a trusted document) and compiles its calculation
   * operations now, so that its first request runs compiled, on the fast path too.
   */
  pin(source: string, document: DocumentNode): void {
    this.forget(source);
    const entry: Entry = { source, document, byName: new Map() };
    this.pinned.set(source, entry);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = definition.name?.value;
      this.operationOf(entry, name)?.compileNow();
      // A document of one operation is also run without an operation name.
      if (document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length === 1) this.operationOf(entry, undefined)?.compileNow();
    }
  }

  /** Apollo Server gateway that serves the schema and executes through this table. */
  gateway(): Gateway {
    const schema = this.schema;
    const executor: GatewayExecutor = (rc) => {
      const operationName = rc.request.operationName ?? undefined;
      const variables = rc.request.variables ?? {};
      const prepared = this.prepare(rc.source, rc.document, operationName);
      // No operation when the name matches none (graphql-js then answers the error): no type to name.
      return inOperationSpan(rc.operation?.operation ?? 'query', rc.operationName, () =>
        prepared
          ? prepared.execute(variables, rc.context)
          : Promise.resolve(execute({ schema, document: rc.document, operationName, variableValues: variables, contextValue: rc.context })),
      );
    };
    return {
      load: () => Promise.resolve({ executor }),
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: () => Promise.resolve(),
    };
  }

  /** The entry's operation of that name; only names the document has are kept (names are client input). */
  private operationOf(entry: Entry, operationName: string | undefined): PreparedOperation | undefined {
    const key = operationName ?? null;
    const known = entry.byName.get(key);
    if (known !== undefined) return known ?? undefined;
    const operation = getOperationAST(entry.document, operationName);
    if (!operation) return undefined;
    const policy = this.policies.of(operation, entry.document);
    const prepared = policy.cacheable
      ? new PreparedOperation(this.schema, entry.source, entry.document, operation.name?.value ?? null, policy)
      : null;
    entry.byName.set(key, prepared);
    return prepared ?? undefined;
  }

  private remember(source: string, document: DocumentNode): Entry {
    this.forget(source);
    while (this.entries.size > 0 && (this.entries.size >= MAX_PREPARED_SOURCES || this.chars + source.length > MAX_PREPARED_TOTAL_CHARS)) {
      this.forget(this.entries.keys().next().value!);
    }
    const entry: Entry = { source, document, byName: new Map() };
    this.entries.set(source, entry);
    this.chars += source.length;
    return entry;
  }

  private forget(source: string): void {
    if (this.entries.delete(source)) this.chars -= source.length;
  }
}
