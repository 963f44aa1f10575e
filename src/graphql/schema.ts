/**
 * Builds the executable schema from the type-graphql resolver classes. To add resolvers, append
 * the class to RESOLVERS (one line) and register its root fields' policy in operation-policy.ts.
 */
import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema, type GraphQLFieldResolver } from 'graphql';
import type { GatewayContext } from './context.js';
import './enums.js';
import { ChartResolver } from './chart/chart.resolver.js';
import { TechniquesResolver } from './techniques/techniques.resolver.js';
import { WheelResolver } from './wheel/wheel.resolver.js';
import { AccountResolver } from './accounts/accounts.resolver.js';
import { SavedChartResolver } from './accounts/saved-chart.resolver.js';

/** Every resolver class of the API. Teammates add theirs here. */
export const RESOLVERS: Function[] = [
  ChartResolver,
  TechniquesResolver,
  WheelResolver,
  AccountResolver,
  SavedChartResolver,
];

/**
 * Calculation root fields whose resolver method is called directly with the coerced `input`
 * (a plain object) and the context, instead of through type-graphql's per-call argument handling,
 * which copies every input object into instances of its input class (~15–20 µs of CPU per chart
 * query, ~10% of a compiled run). Only for methods whose inputs are read as plain data (the chart
 * service takes ChartInputLike), without middlewares, auth checks or validation (validate: false).
 */
const DIRECT_CALLS: { resolver: ChartResolver; fields: (keyof ChartResolver)[] } = {
  resolver: new ChartResolver(),
  fields: ['chart', 'positions', 'houses', 'aspects'],
};

function callDirectly(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getQueryType()?.getFields();
  for (const name of DIRECT_CALLS.fields) {
    const field = fields?.[name];
    if (!field) throw new Error(`schema has no Query.${name}`);
    const method = DIRECT_CALLS.resolver[name].bind(DIRECT_CALLS.resolver) as (input: never, ctx: GatewayContext) => unknown;
    const resolve: GraphQLFieldResolver<unknown, GatewayContext, { input: never }> = (_root, args, ctx) => method(args.input, ctx);
    field.resolve = resolve as typeof field.resolve;
  }
  return schema;
}

let cached: GraphQLSchema | undefined;

/**
 * Builds the schema (cached for the default resolver list; type-graphql keeps global metadata).
 * @param extraResolvers additional resolver classes (e.g. from createApp deps)
 */
export function buildGatewaySchema(extraResolvers: Function[] = []): GraphQLSchema {
  if (extraResolvers.length === 0 && cached) return cached;
  const resolvers = [...RESOLVERS, ...extraResolvers.filter((r) => !RESOLVERS.includes(r))];
  const schema = callDirectly(
    describeRootTypes(
      buildSchemaSync({
        resolvers: resolvers as [Function, ...Function[]],
        validate: false,
        emitSchemaFile: false,
      }),
    ),
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
