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

/** Vedic, Hellenistic time-lords and the sky at one instant and place (against vedic-sky.json). */
export const VEDIC_SKY_QUERY = /* GraphQL */ `
  query VedicSky($moment: MomentInput!, $utc: DateTime!, $location: LocationInput!, $planets: [Body!]!) {
    positions(input: { moment: $moment, bodies: $planets, zodiac: SIDEREAL, ayanamsa: LAHIRI }) {
      body longitude nakshatra { nakshatra pada lord }
    }
    vimshottariDasha(input: { natal: { moment: $moment } }) { lord level start end path }
    divisionalChart(input: { chart: { moment: $moment, bodies: $planets }, division: 9 }) { division ascendantSign positions { body sign } }
    panchang(input: { moment: $moment, location: $location }) { tithi paksha elongation nakshatra { nakshatra pada lord } sunrise sunset }
    moonPhase(moment: $moment) { phaseAngle illumination elongation ageDays phase }
    riseSet(input: { body: SUN, from: $utc, location: $location }) { rise transit set }
    astrocartography(input: { moment: $moment, bodies: $planets }) { body angle longitude }
  }
`;

export const EPHEMERIS_TABLE_QUERY = /* GraphQL */ `
  query EphemerisTable($input: EphemerisTableInput!) {
    ephemerisTable(input: $input) {
      utc julianDayUt
      positions { body longitude latitude distanceAu longitudeSpeed rightAscension declination sign nakshatra { nakshatra pada lord } }
    }
  }
`;

export const TIME_LORDS_QUERY = /* GraphQL */ `
  query TimeLords($natal: ChartInput!, $at: DateTime!) {
    profections(input: { natal: $natal, at: $at }) { age profectedSign profectedHouse lordOfYear month monthSign lordOfMonth }
    zodiacalReleasing(input: { natal: $natal, lot: SPIRIT, levels: 1 }) { level sign lord start end loosingOfTheBond peak houseFromFortune }
    firdaria(input: { natal: $natal }) { level lord majorLord start end }
    planetaryHours(input: { date: "2024-06-21", location: { latitude: 51.4779, longitude: 0 } }) { hour ruler start end daytime }
    chart(input: $natal) {
      distribution { elements { key count bodies } modalities { key count bodies } hemispheres { key count bodies } total }
      patterns { type bodies apex sign }
      shape { type largestGapDegrees occupiedArcDegrees leadingBody handle }
      north: wheelSvg(options: { style: NORTH_INDIAN })
      south: wheelSvg(options: { style: SOUTH_INDIAN, theme: DARK })
    }
  }
`;
