/**
 * Events against Swiss Ephemeris 2.10.03 with DE431 (tests/reference/events.json, all instants UT):
 * the Sun reaching 0°, 30°, … after a date; the Moon reaching a longitude after a date; global maxima
 * of solar and lunar eclipses. Bounds from the PRECISE engine's accuracy (Sun ≤ 0.1″ ⇒ ≤ 2.5 s of
 * time, measured 0.25 s; Moon ≤ 0.06″ ⇒ ≤ 0.15 s, measured 0.07 s), with margin: Sun 1 s, Moon
 * 0.5 s. Eclipse maxima: astronomy-engine finds and classifies the eclipse, the maximum is refined
 * on the pack's Sun and Moon (measured ≤ 4.4 s; Swiss Ephemeris' own definition of greatest
 * eclipse differs slightly for partial and penumbral ones): 5 s.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findNextCrossing } from '../../src/ephemeris/events/search.js';
import { eclipses, type EclipseType } from '../../src/ephemeris/events/events.js';
import { dateFromJulianDay, julianDayFromDate } from '../../src/ephemeris/techniques/angles.js';
import { within, worse } from './worst.js';

interface Crossing { longitude: number; after: string; utc: string; jdUt: number }
interface Eclipse { after: string; maximumUtc: string; jdUt: number; typeFlags: number }
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('./events.json', import.meta.url)), 'utf8')) as {
  solarIngresses: Crossing[]; lunarCrossings: Crossing[]; solarEclipses: Eclipse[]; lunarEclipses: Eclipse[];
};

const SUN_BOUND_SECONDS = 1;
const MOON_BOUND_SECONDS = 0.5;
const ECLIPSE_BOUND_SECONDS = 5;

function crossingErrors(body: 'SUN' | 'MOON', cases: Crossing[], bound: number): number {
  let worst = 0;
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const root = findNextCrossing(body, c.longitude, julianDayFromDate(new Date(c.after)), 1, 400);
    expect(root, `${body} ${c.longitude} after ${c.after}`).not.toBeNull();
    const err = Math.abs(root!.jd - c.jdUt) * 86400;
    worst = worse(worst, err);
    expect(within(err, bound), `${body} reaching ${c.longitude}° after ${c.after}: got ${dateFromJulianDay(root!.jd).toISOString()} want ${c.utc}`).toBe(true);
  }
  return worst;
}

/** Swiss Ephemeris eclipse-type bits: TOTAL 4, ANNULAR 8, PARTIAL 16, ANNULAR_TOTAL (hybrid) 32, PENUMBRAL 64. */
function seType(flags: number): EclipseType {
  if (flags & 32) return 'HYBRID';
  if (flags & 4) return 'TOTAL';
  if (flags & 8) return 'ANNULAR';
  if (flags & 16) return 'PARTIAL';
  return 'PENUMBRAL';
}

function eclipseErrors(kind: 'SOLAR' | 'LUNAR', cases: Eclipse[]): number {
  let worst = 0;
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const from = new Date(c.after);
    const found = eclipses(from, new Date(from.getTime() + 400 * 86_400_000), kind)[0];
    expect(found, `${kind} eclipse after ${c.after}`).toBeDefined();
    const err = Math.abs(julianDayFromDate(found.maximumUtc) - c.jdUt) * 86400;
    worst = worse(worst, err);
    expect(within(err, ECLIPSE_BOUND_SECONDS), `${kind} eclipse ${c.maximumUtc}: got ${found.maximumUtc.toISOString()}`).toBe(true);
    const want = seType(c.typeFlags);
    expect(found.type, `${kind} eclipse ${c.maximumUtc} type`).toBe(want);
    // SE_ECL_CENTRAL = 1, SE_ECL_NONCENTRAL = 2 (solar only)
    if (kind === 'SOLAR' && want !== 'PARTIAL') expect(found.central, `${c.maximumUtc} central`).toBe((c.typeFlags & 1) === 1);
  }
  return worst;
}

describe('events vs Swiss Ephemeris (events.json)', () => {
  it(`the Sun reaching a longitude, within ${SUN_BOUND_SECONDS} s (${ref.solarIngresses.length} cases)`, () => {
    const worst = crossingErrors('SUN', ref.solarIngresses, SUN_BOUND_SECONDS);
    console.log(`solar ingresses: worst error ${worst.toFixed(3)} s`);
  });

  it(`the Moon reaching a longitude, within ${MOON_BOUND_SECONDS} s (${ref.lunarCrossings.length} cases)`, () => {
    const worst = crossingErrors('MOON', ref.lunarCrossings, MOON_BOUND_SECONDS);
    console.log(`lunar crossings: worst error ${worst.toFixed(3)} s`);
  });

  it(`solar eclipse maxima within ${ECLIPSE_BOUND_SECONDS} s, and their type`, () => {
    const worst = eclipseErrors('SOLAR', ref.solarEclipses);
    console.log(`solar eclipses: worst error ${worst.toFixed(3)} s`);
  });

  it(`lunar eclipse maxima within ${ECLIPSE_BOUND_SECONDS} s, and their type`, () => {
    const worst = eclipseErrors('LUNAR', ref.lunarEclipses);
    console.log(`lunar eclipses: worst error ${worst.toFixed(3)} s`);
  });
});
