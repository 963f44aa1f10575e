/**
 * The built schema's resolvers: root fields and field resolvers name a bad input's field under
 * their input argument (reportFieldPaths, one middleware per resolver class), while the plain fields
 * of answers carry no middleware: they resolve synchronously, so a long answer (a transit search's
 * hundreds of events) costs no promise per leaf field on the event loop.
 */
import 'reflect-metadata';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';

const schema = buildGatewaySchema();
const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
/** "Type.field" of every field resolver (methods of resolver classes on an object type). */
const fieldResolvers = new Set(getMetadataStorage().fieldResolvers.map((r) => `${r.getObjectType?.().name ?? ''}.${r.methodName}`));

describe('schema resolvers', () => {
  it('resolve the plain fields of answers synchronously, without a middleware', () => {
    const checked: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.resolve || fieldResolvers.has(`${type.name}.${field.name}`)) continue;
        const value = { marker: `${type.name}.${field.name}` };
        expect(field.resolve({ [field.name]: value }, {}, {}, {} as GraphQLResolveInfo), `${type.name}.${field.name}`).toBe(value);
        checked.push(`${type.name}.${field.name}`);
      }
    }
    // What is checked: the fields of answer types without `simpleResolvers`, transit events among them.
    expect(checked).toContain('TransitEvent.utc');
    expect(checked.length).toBeGreaterThan(50);
  });

  it('name a ValidationError of a root field under its input argument', async () => {
    const chart = schema.getQueryType()!.getFields().chart;
    const services = { chart: { chart: () => Promise.reject(new ValidationError('location.latitude', 'latitude: must be between -90 and 90')) } };
    const info = { fieldName: 'chart', parentType: schema.getQueryType()! } as GraphQLResolveInfo;
    const context = { services, loaders: {}, observation: {} };
    await expect(chart.resolve!(undefined, { input: {} }, context, info)).rejects.toMatchObject({ field: 'input.location.latitude' });
  });
});
