/**
 * Events against Swiss Ephemeris 2.10.03 with DE431 (tests/reference/events.json, all instants UT):
 * the Sun reaching 0°, 30°, … after a date; the Moon reaching a longitude after a date; global maxima
 * of solar and lunar eclipses. Bound: 60 s, set by the ephemeris error of the positions
 * module (Moon ≈ a few ″ ⇒ a few s of time; Sun ≈ 1″ ⇒ ≈ 24 s of time per ″).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findNextCrossing } from '../../src/ephemeris/events/search.js';
import { eclipses, type EclipseType } from '../../src/ephemeris/events/events.js';
import { dateFromJulianDay, julianDayFromDate } from '../../src/ephemeris/techniques/angles.js';

interface Crossing { longitude: number; after: string; utc: string; jdUt: number }
interface Eclipse { after: string; maximumUtc: string; jdUt: number; typeFlags: number }
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('./events.json', import.meta.url)), 'utf8')) as {
  solarIngresses: Crossing[]; lunarCrossings: Crossing[]; solarEclipses: Eclipse[]; lunarEclipses: Eclipse[];
};

const BOUND_SECONDS = 60;

function crossingErrors(body: 'SUN' | 'MOON', cases: Crossing[]): number {
  let worst = 0;
  for (const c of cases) {
    const root = findNextCrossing(body, c.longitude, julianDayFromDate(new Date(c.after)), 1, 400);
    expect(root, `${body} ${c.longitude} after ${c.after}`).not.toBeNull();
    const err = Math.abs(root!.jd - c.jdUt) * 86400;
    worst = Math.max(worst, err);
    expect(err, `${body} reaching ${c.longitude}° after ${c.after}: got ${dateFromJulianDay(root!.jd).toISOString()} want ${c.utc}`).toBeLessThan(BOUND_SECONDS);
  }
  return worst;
}

/** Swiss Ephemeris eclipse-type bits: TOTAL 4, ANNULAR 8, PARTIAL 16, ANNULAR_TOTAL (hybrid) 32, PENUMBRAL 64. */
function seType(flags: number): EclipseType | 'HYBRID' {
  if (flags & 32) return 'HYBRID';
  if (flags & 4) return 'TOTAL';
  if (flags & 8) return 'ANNULAR';
  if (flags & 16) return 'PARTIAL';
  return 'PENUMBRAL';
}

function eclipseErrors(kind: 'SOLAR' | 'LUNAR', cases: Eclipse[]): number {
  let worst = 0;
  for (const c of cases) {
    const from = new Date(c.after);
    const found = eclipses(from, new Date(from.getTime() + 400 * 86_400_000), kind)[0];
    expect(found, `${kind} eclipse after ${c.after}`).toBeDefined();
    const err = Math.abs(julianDayFromDate(found.maximumUtc) - c.jdUt) * 86400;
    worst = Math.max(worst, err);
    expect(err, `${kind} eclipse ${c.maximumUtc}: got ${found.maximumUtc.toISOString()}`).toBeLessThan(BOUND_SECONDS);
    const want = seType(c.typeFlags);
    if (want === 'HYBRID') expect(['TOTAL', 'ANNULAR']).toContain(found.type);
    else expect(found.type, `${kind} eclipse ${c.maximumUtc} type`).toBe(want);
    // SE_ECL_CENTRAL = 1, SE_ECL_NONCENTRAL = 2 (solar only)
    if (kind === 'SOLAR' && want !== 'PARTIAL') expect(found.central, `${c.maximumUtc} central`).toBe((c.typeFlags & 1) === 1);
  }
  return worst;
}

describe('events vs Swiss Ephemeris (events.json)', () => {
  it(`the Sun reaching a longitude, within ${BOUND_SECONDS} s (${ref.solarIngresses.length} cases)`, () => {
    const worst = crossingErrors('SUN', ref.solarIngresses);
    console.log(`solar ingresses: worst error ${worst.toFixed(3)} s`);
  });

  it(`the Moon reaching a longitude, within ${BOUND_SECONDS} s (${ref.lunarCrossings.length} cases)`, () => {
    const worst = crossingErrors('MOON', ref.lunarCrossings);
    console.log(`lunar crossings: worst error ${worst.toFixed(3)} s`);
  });

  it(`solar eclipse maxima within ${BOUND_SECONDS} s, and their type`, () => {
    const worst = eclipseErrors('SOLAR', ref.solarEclipses);
    console.log(`solar eclipses: worst error ${worst.toFixed(3)} s`);
  });

  it(`lunar eclipse maxima within ${BOUND_SECONDS} s, and their type`, () => {
    const worst = eclipseErrors('LUNAR', ref.lunarEclipses);
    console.log(`lunar eclipses: worst error ${worst.toFixed(3)} s`);
  });
});
