/**
 * The wheels the browser test renders, from real charts (computeChart): an ordinary chart, a
 * polar chart on the Porphyry fallback, a crowded stellium with all 21 bodies, bi-wheels (natal
 * inside, transits outside; a synastry bi-wheel whose outer chart has houses), a chart without houses, titled wheels (markup in the title, a title far
 * wider than the picture), in both themes and at several sizes.
 */
import { BODIES, computeChart, type Chart, type ChartRequest } from '../../src/ephemeris/index.js';
import type { WheelOptions } from '../../src/render/index.js';

export interface WheelCase {
  name: string;
  chart: Chart;
  outer?: Chart;
  options: WheelOptions;
  /** True when the chart must be on a house-system fallback (requested ≠ used). */
  expectFallback?: boolean;
}

const LONDON = { latitude: 51.5074, longitude: -0.1278 };

/** 15 January 1990, 14:30 in London, Placidus, default bodies. */
export const ORDINARY: ChartRequest = {
  moment: { localDateTime: '1990-01-15T14:30:00', timeZone: 'Europe/London' },
  location: LONDON,
  houseSystem: 'PLACIDUS',
};

/** Latitude 75° N (above the polar circle for Placidus): falls back to Porphyry. */
export const POLAR: ChartRequest = {
  moment: { utc: '2000-06-21T12:00:00Z' },
  location: { latitude: 75, longitude: 20 },
  houseSystem: 'PLACIDUS',
};

/** 4 February 1962 at New Delhi: seven bodies in Aquarius (the 1962 stellium), all 21 bodies. */
export const STELLIUM: ChartRequest = {
  moment: { utc: '1962-02-04T05:00:00Z' },
  location: { latitude: 28.6139, longitude: 77.209 },
  houseSystem: 'PLACIDUS',
  bodies: [...BODIES],
};

/** A partner for the synastry bi-wheel: 3 May 1988, 09:10 in Paris, with houses. */
export const PARTNER: ChartRequest = {
  moment: { localDateTime: '1988-05-03T09:10:00', timeZone: 'Europe/Paris' },
  location: { latitude: 48.8566, longitude: 2.3522 },
  houseSystem: 'PLACIDUS',
};

/** Transits for the bi-wheels; no location (positions only). */
export const TRANSITS: ChartRequest = { moment: { utc: '2026-11-27T06:00:00Z' } };

/** The cases. */
export function wheelCases(): WheelCase[] {
  const ordinary = computeChart(ORDINARY);
  const polar = computeChart(POLAR);
  const stellium = computeChart(STELLIUM);
  const transits = computeChart(TRANSITS);
  const partner = computeChart(PARTNER);
  const major: WheelOptions['aspectTypes'] = ['CONJUNCTION', 'OPPOSITION', 'TRINE', 'SQUARE', 'SEXTILE'];
  return [
    { name: 'ordinary-light', chart: ordinary, options: { size: 700, theme: 'light' } },
    { name: 'ordinary-dark', chart: ordinary, options: { size: 700, theme: 'dark' } },
    { name: 'polar-porphyry-light', chart: polar, options: { size: 600 }, expectFallback: true },
    { name: 'stellium-light', chart: stellium, options: { size: 900, aspectTypes: major } },
    { name: 'stellium-dark-small', chart: stellium, options: { size: 300, theme: 'dark', aspectTypes: major } },
    {
      name: 'biwheel-light',
      chart: ordinary,
      outer: transits,
      options: { size: 900, innerLabel: 'Natal', outerLabel: 'Transits', aspectTypes: major },
    },
    {
      name: 'biwheel-dark',
      chart: stellium,
      outer: transits,
      options: { size: 1000, theme: 'dark', innerLabel: 'Natal', outerLabel: 'Transits', aspectTypes: major },
    },
    {
      name: 'synastry-light',
      chart: ordinary,
      outer: partner,
      options: { size: 900, innerLabel: 'Ada', outerLabel: 'Bob', showAspects: false, crossAspects: { orbMultiplier: 2 } },
    },
    { name: 'no-houses-light', chart: transits, options: { size: 500 } },
    { name: 'titled-escaped-light', chart: ordinary, options: { size: 600, title: 'Ada <b>& "Bob"</b> — natal' } },
    { name: 'titled-long-dark-300', chart: ordinary, outer: transits, options: { size: 300, theme: 'dark', aspectTypes: major, title: `${'Wide MMWW title '.repeat(11)}end` } },
    { name: 'ordinary-max-2000', chart: ordinary, options: { size: 2000, aspectTypes: major } },
    { name: 'biwheel-min-300', chart: ordinary, outer: transits, options: { size: 300, theme: 'dark', aspectTypes: major } },
  ];
}
