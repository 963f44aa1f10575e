/**
 * Builds the executable schema from the type-graphql resolver classes. To add resolvers, append
 * the class to RESOLVERS (one line); their fields declare their own policy (field-policy.ts).
 */
import 'reflect-metadata';
import { buildSchemaSync, UseMiddleware, type ClassType } from 'type-graphql';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema, type GraphQLField } from 'graphql';
import { QUOTA_UNIT_COST, fieldPolicy } from './field-policy.js';
import './enums.js';
import { reportFieldPaths } from './error-mapping.js';
import { ChartResolver } from './chart/chart.resolver.js';
import { TechniquesResolver } from './techniques/techniques.resolver.js';
import { ChartAnalyticsResolver, TechniquesIIResolver } from './techniques/techniques2.resolver.js';
import { WheelResolver } from './wheel/wheel.resolver.js';
import { PlacesResolver } from './places/places.resolver.js';
import { AccountResolver } from './accounts/accounts.resolver.js';
import { SavedChartResolver } from './accounts/saved-chart.resolver.js';

/** Every resolver class of the API. */
export const RESOLVERS: [ClassType, ...ClassType[]] = [
  ChartResolver,
  TechniquesResolver,
  TechniquesIIResolver,
  ChartAnalyticsResolver,
  WheelResolver,
  PlacesResolver,
  AccountResolver,
  SavedChartResolver,
];

let cached: GraphQLSchema | undefined;

const withFieldPaths = new WeakSet<ClassType>();

/**
 * Gives a resolver class `reportFieldPaths` (class-level `@UseMiddleware`: its queries, mutations
 * and field resolvers), once. Not a global middleware: type-graphql would then wrap every field of
 * every object type without `simpleResolvers` too, and a long answer (a five-year transit search's
 * hundreds of events) would pay an async middleware call per leaf field on the event loop.
 * It runs after any class-level `@UseMiddleware` the class declares itself (decorators run at
 * import) and before method-level ones.
 */
function reportFieldPathsOf(resolver: ClassType): void {
  if (withFieldPaths.has(resolver)) return;
  UseMiddleware(reportFieldPaths)(resolver);
  withFieldPaths.add(resolver);
}

/**
 * Builds the schema (cached for the default resolver list; type-graphql keeps global metadata).
 * @param extraResolvers additional resolver classes (e.g. from createApp deps)
 */
export function buildGatewaySchema(extraResolvers: readonly ClassType[] = []): GraphQLSchema {
  if (extraResolvers.length === 0 && cached) return cached;
  const resolvers: [ClassType, ...ClassType[]] = [...RESOLVERS, ...extraResolvers.filter((r) => !RESOLVERS.includes(r))];
  resolvers.forEach(reportFieldPathsOf);
  const schema = describeRootTypes(
    buildSchemaSync({
      resolvers,
      validate: false,
      emitSchemaFile: false,
    }),
  );
  if (extraResolvers.length === 0) cached = schema;
  return schema;
}

const ROOT_DESCRIPTIONS = {
  query:
    'Calculations (require a token) and read-only queries. A request is charged its root fields\' quota units (a chart is 1; aliases count each), rounded up, at least 1.',
  mutation: 'Account and token operations.',
};

/** A root field's description with its quota charge appended (fields that need a token). */
function withQuotaCharge(field: GraphQLField<unknown, unknown>, description: string | null | undefined): string | undefined {
  const policy = fieldPolicy(field, field.name);
  if (policy.public) return description ?? undefined;
  const units = policy.cost / QUOTA_UNIT_COST;
  return `${description ? `${description} ` : ''}Quota: ${units} unit${units === 1 ? '' : 's'} per call.`;
}

/**
 * type-graphql leaves Query/Mutation undescribed: give them descriptions (the sandbox shows them),
 * and every root field that needs a token its quota charge (complexity / QUOTA_UNIT_COST).
 */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const describe = (type: GraphQLObjectType | null | undefined, description: string) => {
    if (!type) return type;
    const typeConfig = type.toConfig();
    const fields = Object.fromEntries(
      Object.entries(typeConfig.fields).map(([name, field]) => [name, { ...field, description: withQuotaCharge(type.getFields()[name], field.description) }]),
    );
    return new GraphQLObjectType({ ...typeConfig, fields, description: type.description ?? description });
  };
  const query = describe(config.query, ROOT_DESCRIPTIONS.query);
  const mutation = describe(config.mutation, ROOT_DESCRIPTIONS.mutation);
  const replaced = new Set([config.query?.name, config.mutation?.name]);
  return new GraphQLSchema({
    ...config,
    query,
    mutation,
    types: config.types.filter((t) => !replaced.has(t.name)),
  });
}

/** SDL of the schema as committed in schema.graphql (sorted, so the diff is stable). */
export function printGatewaySchema(schema: GraphQLSchema = buildGatewaySchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
