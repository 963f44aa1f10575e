/**
 * Builds the executable schema from the type-graphql resolver classes. To add resolvers, append
 * the class to RESOLVERS (one line) and register its root fields' policy in operation-policy.ts.
 */
import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import './enums.js';
import { ChartResolver } from './chart/chart.resolver.js';

/** Every resolver class of the API. Teammates add theirs here. */
export const RESOLVERS: Function[] = [
  ChartResolver,
];

let cached: GraphQLSchema | undefined;

/**
 * Builds the schema (cached for the default resolver list; type-graphql keeps global metadata).
 * @param extraResolvers additional resolver classes (e.g. from createApp deps)
 */
export function buildGatewaySchema(extraResolvers: Function[] = []): GraphQLSchema {
  if (extraResolvers.length === 0 && cached) return cached;
  const resolvers = [...RESOLVERS, ...extraResolvers.filter((r) => !RESOLVERS.includes(r))];
  const schema = buildSchemaSync({
    resolvers: resolvers as [Function, ...Function[]],
    validate: false,
    emitSchemaFile: false,
  });
  if (extraResolvers.length === 0) cached = schema;
  return schema;
}

/** SDL of the schema as committed in schema.graphql (sorted, so the diff is stable). */
export function printGatewaySchema(schema: GraphQLSchema = buildGatewaySchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
