/**
 * The built schema's resolvers: a root field names a bad input's field under its input argument
 * (reportFieldPaths, one middleware per resolver class; the field resolver Chart.wheelSvg is
 * covered in tests/integration/wheel.test.ts), while the plain fields of answers carry no
 * middleware: they have no resolver or a synchronous one, so a long answer (a transit search's
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
        const name = `${type.name}.${field.name}`;
        if (fieldResolvers.has(name)) continue;
        checked.push(name);
        if (!field.resolve) continue; // graphql's default: the property, synchronously
        const value = { marker: name };
        expect(field.resolve({ [field.name]: value }, {}, {}, {} as GraphQLResolveInfo), name).toBe(value);
      }
    }
    expect(checked).toContain('TransitEvent.utc');
    expect(checked.length).toBeGreaterThan(300);
  });

  it('name a ValidationError of a root field under its input argument', async () => {
    const chart = schema.getQueryType()!.getFields().chart;
    const services = { chart: { chart: () => Promise.reject(new ValidationError('location.latitude', 'latitude: must be between -90 and 90')) } };
    const info = { fieldName: 'chart', parentType: schema.getQueryType()! } as GraphQLResolveInfo;
    const context = { services, loaders: {}, observation: {} };
    await expect(chart.resolve!(undefined, { input: {} }, context, info)).rejects.toMatchObject({ field: 'input.location.latitude' });
  });
});
