/**
 * Builds the executable schema from the type-graphql resolver classes. To add resolvers, append
 * the class to RESOLVERS (one line); their fields declare their own policy (field-policy.ts).
 */
import 'reflect-metadata';
import { buildSchemaSync, type ClassType } from 'type-graphql';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
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

/**
 * Builds the schema (cached for the default resolver list; type-graphql keeps global metadata).
 * @param extraResolvers additional resolver classes (e.g. from createApp deps)
 */
export function buildGatewaySchema(extraResolvers: readonly ClassType[] = []): GraphQLSchema {
  if (extraResolvers.length === 0 && cached) return cached;
  const schema = describeRootTypes(
    buildSchemaSync({
      resolvers: [...RESOLVERS, ...extraResolvers.filter((r) => !RESOLVERS.includes(r))],
      validate: false,
      globalMiddlewares: [reportFieldPaths],
      emitSchemaFile: false,
    }),
  );
  if (extraResolvers.length === 0) cached = schema;
  return schema;
}

const ROOT_DESCRIPTIONS = {
  query: 'Calculations (require a token) and read-only queries.',
  mutation: 'Account and token operations.',
};

/** type-graphql leaves Query/Mutation undescribed: give them descriptions (the sandbox shows them). */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const describe = (type: GraphQLObjectType | null | undefined, description: string) =>
    type ? new GraphQLObjectType({ ...type.toConfig(), description: type.description ?? description }) : type;
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
