/**
 * The operation the GraphiQL explorer opens with: a full chart for New York on 2024-01-01 12:00 UTC
 * (the README's first example), so a new developer can press ▶ and see a real answer.
 */

/** GraphQL document of the explorer's first tab (comments explain the page to a newcomer). */
export const EXAMPLE_OPERATION = `# Nocturna GraphQL explorer. Run this chart with the ▶ button
# (Ctrl-Enter). In the sidebar, the folder icon opens the Explorer
# (build a query by ticking fields) and the book icon the Docs.
# Calculations need "Authorization: Bearer <JWT>" in Headers below;
# in development, on this machine, it holds data/dev-service-token.

query ExampleChart($input: ChartInput!) {
  chart(input: $input) {
    moment { utc julianDayUt deltaTSeconds }
    positions { body longitude sign signLongitude house retrograde }
    houses { system ascendant midheaven cusps }
    aspects { first second type orb applying }
  }
}
`;

/** Variables of EXAMPLE_OPERATION: New York (40.7128° N, 74.006° W), 2024-01-01T12:00:00Z. */
export const EXAMPLE_VARIABLES = {
  input: {
    moment: { utc: '2024-01-01T12:00:00Z' },
    location: { latitude: 40.7128, longitude: -74.006 },
    houseSystem: 'PLACIDUS',
  },
};
