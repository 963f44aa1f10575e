/**
 * Hand-made charts for the wheel renderer's tests: explicit, plausible values (not computed), so
 * the renderer can be tested on its own. Signs, houses and major aspects are derived from the
 * longitudes given here with the plain definitions (30° signs, house = the cusp interval).
 */
import { norm360 } from '../../src/ephemeris/frames.js';
import {
  ASPECT_ANGLES,
  SIGNS,
  type Aspect,
  type AspectType,
  type Body,
  type Chart,
  type Houses,
  type HouseSystem,
  type Position,
  type Sign,
} from '../../src/ephemeris/types.js';

type BodySpec = [body: Body, longitude: number, speedDegPerDay: number];

/** The sign a longitude (degrees, any range) falls in: plain 30° signs from 0° Aries. */
export function signOf(longitude: number): Sign {
  return SIGNS[Math.floor(norm360(longitude) / 30)];
}

function houseOf(longitude: number, cusps: readonly number[]): number {
  for (let i = 0; i < 12; i += 1) {
    const start = cusps[i];
    const width = norm360(cusps[(i + 1) % 12] - start);
    if (norm360(longitude - start) < width) return i + 1;
  }
  return 12;
}

/** Porphyry cusps: each quadrant between the angles split in three equal parts. */
export function porphyryCusps(ascendant: number, midheaven: number): number[] {
  const ic = norm360(midheaven + 180);
  const dsc = norm360(ascendant + 180);
  const cusps: number[] = [];
  const quadrants: [number, number][] = [
    [ascendant, ic],
    [ic, dsc],
    [dsc, midheaven],
    [midheaven, ascendant],
  ];
  for (const [from, to] of quadrants) {
    const width = norm360(to - from);
    cusps.push(norm360(from), norm360(from + width / 3), norm360(from + (2 * width) / 3));
  }
  return cusps;
}

const MAJOR: [AspectType, number][] = [
  ['CONJUNCTION', 8],
  ['OPPOSITION', 8],
  ['TRINE', 7],
  ['SQUARE', 7],
  ['SEXTILE', 5],
  ['QUINCUNX', 3],
  ['SEMISQUARE', 2],
];

/** Builds a Chart from body specs and optional houses; aspects from a small orb table. */
export function makeChart(
  utc: string,
  specs: readonly BodySpec[],
  houses: { ascendant: number; midheaven: number; cusps?: number[]; system?: HouseSystem; requested?: HouseSystem } | null,
): Chart {
  let h: Houses | null = null;
  if (houses) {
    const cusps = houses.cusps ?? porphyryCusps(houses.ascendant, houses.midheaven);
    h = {
      system: houses.system ?? 'PORPHYRY',
      requestedSystem: houses.requested ?? houses.system ?? 'PORPHYRY',
      cusps,
      ascendant: houses.ascendant,
      midheaven: houses.midheaven,
      descendant: norm360(houses.ascendant + 180),
      imumCoeli: norm360(houses.midheaven + 180),
      vertex: norm360(houses.ascendant + 120),
      armc: norm360(houses.midheaven + 2),
      warnings:
        houses.requested && houses.requested !== houses.system
          ? [`${houses.requested} is undefined at this latitude; ${houses.system} used`]
          : [],
    };
  }
  const positions: Position[] = specs.map(([body, longitude, speed]) => ({
    body,
    longitude,
    latitude: 0,
    distanceAu: 1,
    longitudeSpeed: speed,
    latitudeSpeed: 0,
    rightAscension: longitude,
    declination: 0,
    retrograde: speed < 0,
    sign: signOf(longitude),
    signLongitude: longitude % 30,
    house: h ? houseOf(longitude, h.cusps) : null,
  }));
  const aspects: Aspect[] = [];
  for (let i = 0; i < positions.length; i += 1) {
    for (let j = i + 1; j < positions.length; j += 1) {
      const d = norm360(positions[j].longitude - positions[i].longitude);
      const separation = d > 180 ? 360 - d : d;
      for (const [type, orbLimit] of MAJOR) {
        const orb = Math.abs(separation - ASPECT_ANGLES[type]);
        if (orb <= orbLimit) {
          aspects.push({
            first: positions[i].body,
            second: positions[j].body,
            type,
            exactAngle: ASPECT_ANGLES[type],
            separation,
            orb,
            applying: false,
          });
          break;
        }
      }
    }
  }
  return {
    moment: {
      utc: new Date(utc),
      julianDayUt: new Date(utc).getTime() / 86_400_000 + 2_440_587.5,
      julianDayTt: new Date(utc).getTime() / 86_400_000 + 2_440_587.5 + 69 / 86_400,
      deltaTSeconds: 69,
      timeZone: null,
      utcOffsetMinutes: null,
      ephemeris: 'PRECISE',
    },
    positions,
    houses: h,
    aspects,
  };
}

/** An ordinary chart (plausible for 1990-01-15 13:30 UTC, London): Placidus-like cusps. */
export function ordinaryChart(): Chart {
  return makeChart(
    '1990-01-15T13:30:00Z',
    [
      ['SUN', 295.1, 1.02],
      ['MOON', 212.4, 12.9],
      ['MERCURY', 276.3, -0.35],
      ['VENUS', 298.8, -0.55],
      ['MARS', 248.2, 0.68],
      ['JUPITER', 95.6, -0.12],
      ['SATURN', 289.9, 0.12],
      ['URANUS', 276.9, 0.06],
      ['NEPTUNE', 282.4, 0.04],
      ['PLUTO', 227.0, 0.02],
      ['MEAN_NODE', 314.6, -0.05],
      ['MEAN_LILITH', 131.2, 0.11],
      ['CHIRON', 101.7, -0.06],
    ],
    {
      ascendant: 62.3,
      midheaven: 311.1,
      system: 'PLACIDUS',
      cusps: [62.3, 84.0, 102.8, 131.1, 166.4, 212.0, 242.3, 264.0, 282.8, 311.1, 346.4, 32.0],
    },
  );
}

/** A polar chart (latitude 75° N): Placidus requested, Porphyry used; MC close to the horizon. */
export function polarChart(): Chart {
  return makeChart(
    '2000-06-21T12:00:00Z',
    [
      ['SUN', 90.4, 0.95],
      ['MOON', 340.2, 13.4],
      ['MERCURY', 106.9, 1.2],
      ['VENUS', 89.1, 1.23],
      ['MARS', 112.3, 0.68],
      ['JUPITER', 57.6, 0.22],
      ['SATURN', 56.3, 0.12],
      ['URANUS', 320.1, -0.02],
      ['NEPTUNE', 305.8, -0.02],
      ['PLUTO', 251.4, -0.02],
    ],
    { ascendant: 200.5, midheaven: 178.3, system: 'PORPHYRY', requested: 'PLACIDUS' },
  );
}

/** A crowded stellium: eight bodies within 14° of Capricorn, across the Ascendant. */
export function stelliumChart(): Chart {
  return makeChart(
    '1962-02-04T05:00:00Z',
    [
      ['SUN', 314.9, 1.01],
      ['MOON', 315.3, 12.1],
      ['MERCURY', 318.6, -0.6],
      ['VENUS', 313.2, 1.2],
      ['MARS', 312.8, 0.78],
      ['JUPITER', 315.5, 0.23],
      ['SATURN', 309.3, 0.11],
      ['MEAN_NODE', 325.1, -0.05],
      ['URANUS', 148.9, -0.04],
      ['NEPTUNE', 222.9, 0.01],
      ['PLUTO', 160.0, -0.02],
      ['CHIRON', 322.4, 0.06],
    ],
    { ascendant: 316.0, midheaven: 243.0, system: 'PLACIDUS' },
  );
}

/** Transits for the bi-wheel (no houses needed: only positions are drawn outside). */
export function transitChart(): Chart {
  return makeChart(
    '2026-11-27T06:00:00Z',
    [
      ['SUN', 245.0, 1.01],
      ['MOON', 2.7, 13.1],
      ['MERCURY', 238.4, -0.9],
      ['VENUS', 250.3, 1.25],
      ['MARS', 270.6, 0.75],
      ['JUPITER', 114.2, -0.05],
      ['SATURN', 357.1, 0.01],
      ['URANUS', 59.0, -0.04],
      ['NEPTUNE', 359.6, 0.0],
      ['PLUTO', 303.4, 0.02],
    ],
    null,
  );
}
