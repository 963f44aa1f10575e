/**
 * The built schema's resolvers: a root field names a bad input's field under its input argument
 * (reportFieldPaths, once per resolver class however often the schema is built; the real chart
 * service names it relative to its request; the field resolver Chart.wheelSvg is
 * covered in tests/integration/wheel.test.ts), while the plain fields of answers carry no
 * middleware: they have no resolver or a synchronous one, so a long answer (a transit search's
 * hundreds of events) costs no promise per leaf field on the event loop. Input classes have no own
 * properties until type-graphql assigns what a client sent.
 */
import 'reflect-metadata';
import { execute, isObjectType, parse, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { ChartResolver } from '../../src/graphql/chart/chart.resolver.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { ChartService } from '../../src/services/chart.service.js';
import { createRequestLoaders } from '../../src/services/request-loaders.js';
import { TechniquesService } from '../../src/services/techniques.service.js';

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
    // The chart service names the field relative to its request ("location.latitude").
    const chart = new ChartService();
    const contextValue = { services: { chart }, loaders: createRequestLoaders({ chart, techniques: new TechniquesService() }), observation: {} };
    const document = parse('{ chart(input: { moment: { utc: "2000-01-01T00:00:00Z" }, location: { latitude: 95, longitude: 0 } }) { moment { utc } } }');
    // A second build (extra resolver classes) must not give a class the middleware twice ("input.input.…").
    for (const built of [schema, buildGatewaySchema([ChartResolver])]) {
      const result = await execute({ schema: built, document, contextValue });
      const error = result.errors?.[0]?.originalError;
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('input.location.latitude');
    }
  });

  it('build input objects without own properties for the fields a client left out', () => {
    // type-graphql makes each input object with `new InputClass()` and deletes the own properties
    // the client did not send; with class fields defined as own properties (tsconfig's
    // useDefineForClassFields), every input object would end in V8's slow dictionary mode.
    const inputClasses = getMetadataStorage().inputTypes.map((t) => t.target as new () => object);
    expect(inputClasses.length).toBeGreaterThan(20);
    for (const InputClass of inputClasses) {
      const undefinedOwn = Object.entries(new InputClass()).filter(([, value]) => value === undefined);
      expect(undefinedOwn, InputClass.name).toEqual([]);
    }
  });
});
