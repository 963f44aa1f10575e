/**
 * LocalDateTime: a wall-clock date and time without zone or offset, ISO 8601
 * "YYYY-MM-DDTHH:mm[:ss[.sss]]" (e.g. "1990-01-15T14:30:00"). Kept as the string it was given;
 * the ephemeris resolves it with timeZone or utcOffsetMinutes.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;

function parse(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('LocalDateTime must be a string like "1990-01-15T14:30:00"');
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) throw new GraphQLError(`LocalDateTime "${value}" is not of the form YYYY-MM-DDTHH:mm[:ss] (no zone or offset)`);
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new GraphQLError(`LocalDateTime "${value}" has a field out of range`);
  }
  return value;
}

export const LocalDateTimeScalar = new GraphQLScalarType({
  name: 'LocalDateTime',
  description: 'Wall-clock date and time without zone or offset, ISO 8601 "YYYY-MM-DDTHH:mm[:ss[.sss]]", e.g. "1990-01-15T14:30:00".',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('LocalDateTime must be a string');
    return parse(ast.value);
  },
});
