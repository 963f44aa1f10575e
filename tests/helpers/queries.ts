/** GraphQL documents shared by the gateway tests (also the operations codegen types). */
export const POSITION_FIELDS = /* GraphQL */ `
  fragment PositionFields on Position {
    body longitude latitude distanceAu longitudeSpeed latitudeSpeed rightAscension declination
    retrograde sign signLongitude house
  }
`;

export const CHART_QUERY = /* GraphQL */ `
  query Chart($input: ChartInput!) {
    chart(input: $input) {
      moment { utc julianDayUt julianDayTt deltaTSeconds timeZone utcOffsetMinutes }
      positions { ...PositionFields }
      houses { system requestedSystem cusps ascendant midheaven descendant imumCoeli vertex armc warnings }
      aspects { first second type exactAngle separation orb applying }
    }
  }
  ${POSITION_FIELDS}
`;

export const POSITIONS_QUERY = /* GraphQL */ `
  query Positions($input: ChartInput!) {
    positions(input: $input) { ...PositionFields }
  }
  ${POSITION_FIELDS}
`;

export const HOUSES_QUERY = /* GraphQL */ `
  query Houses($input: ChartInput!) {
    houses(input: $input) { system requestedSystem cusps ascendant midheaven warnings }
  }
`;

export const ASPECTS_QUERY = /* GraphQL */ `
  query Aspects($input: ChartInput!) {
    aspects(input: $input) { first second type exactAngle separation orb applying }
  }
`;

export const CHART_AND_ASPECTS_QUERY = /* GraphQL */ `
  query ChartAndAspects($input: ChartInput!) {
    chart(input: $input) { positions { body longitude } }
    aspects(input: $input) { first second type orb }
    again: positions(input: $input) { body longitude }
  }
`;

/** New York, 2024-01-01T12:00Z: the deployment guide's integration example. */
export const NEW_YORK_INPUT = {
  moment: { utc: '2024-01-01T12:00:00Z' },
  location: { latitude: 40.7128, longitude: -74.006 },
};
