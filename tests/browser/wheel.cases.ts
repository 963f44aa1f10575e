/**
 * The wheels the browser test renders: an ordinary chart, a polar chart on the Porphyry
 * fallback, a crowded stellium, a bi-wheel, in both themes and at several sizes.
 */
import type { Chart } from '../../src/ephemeris/types.js';
import type { WheelOptions } from '../../src/render/index.js';
import { ordinaryChart, polarChart, stelliumChart, transitChart } from '../unit/wheel.fixtures.js';

export interface WheelCase {
  name: string;
  chart: Chart;
  outer?: Chart;
  options: WheelOptions;
  /** True when the chart must be on a house-system fallback (requested ≠ used). */
  expectFallback?: boolean;
}

/** The cases, built from the charts given. */
export function wheelCases(): WheelCase[] {
  const ordinary = ordinaryChart();
  const polar = polarChart();
  const stellium = stelliumChart();
  const transits = transitChart();
  return [
    { name: 'ordinary-light', chart: ordinary, options: { size: 700, theme: 'light' } },
    { name: 'ordinary-dark', chart: ordinary, options: { size: 700, theme: 'dark' } },
    { name: 'polar-porphyry-light', chart: polar, options: { size: 600 }, expectFallback: true },
    { name: 'stellium-light', chart: stellium, options: { size: 800 } },
    { name: 'stellium-dark-small', chart: stellium, options: { size: 300, theme: 'dark' } },
    {
      name: 'biwheel-light',
      chart: ordinary,
      outer: transits,
      options: { size: 900, innerLabel: 'Natal', outerLabel: 'Transits' },
    },
    {
      name: 'biwheel-dark',
      chart: stellium,
      outer: transits,
      options: { size: 900, theme: 'dark', innerLabel: 'Natal', outerLabel: 'Transits' },
    },
    { name: 'no-houses-light', chart: transits, options: { size: 500 } },
  ];
}
