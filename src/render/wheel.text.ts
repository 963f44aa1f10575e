/**
 * The text alternative of a wheel: the title and a description listing every position, the
 * angles, the house system and the aspects drawn, for screen readers and search.
 */
import type { Aspect, Chart } from '../ephemeris/types.js';
import { formatDegreesMinutes, zodiacDegree } from './geometry.js';
import { aspectName, houseSystemName, pointName, signName } from './names.js';
import type { ResolvedWheelOptions } from './wheel.options.js';

/** "15°07′ Capricorn" for a longitude in degrees. */
export function describeLongitude(longitude: number): string {
  const z = zodiacDegree(longitude);
  return `${formatDegreesMinutes(z)} ${signName(z.sign)}`;
}

function describePositions(chart: Chart): string {
  return chart.positions
    .map((p) => {
      const parts = [`${pointName(p.body)} ${describeLongitude(p.longitude)}`];
      if (p.retrograde) parts.push('retrograde');
      if (p.house !== null) parts.push(`house ${p.house}`);
      return parts.join(', ');
    })
    .join('; ');
}

function describeHouses(chart: Chart): string {
  const h = chart.houses;
  if (!h) return 'No houses (no location): 0° Aries is on the left.';
  const system =
    h.system === h.requestedSystem
      ? `${houseSystemName(h.system)} houses`
      : `${houseSystemName(h.system)} houses (${houseSystemName(h.requestedSystem)} requested but not possible here)`;
  return (
    `${system}. Ascendant ${describeLongitude(h.ascendant)}, Midheaven ${describeLongitude(h.midheaven)}, ` +
    `Descendant ${describeLongitude(h.descendant)}, Imum Coeli ${describeLongitude(h.imumCoeli)}.`
  );
}

function describeAspects(aspects: readonly Aspect[]): string {
  if (aspects.length === 0) return 'No aspects drawn.';
  return `Aspects: ${aspects
    .map((a) => `${pointName(a.first)} ${aspectName(a.type)} ${pointName(a.second)} (orb ${a.orb.toFixed(1)}°)`)
    .join('; ')}.`;
}

/** Default title of a wheel. */
export function wheelTitle(chart: Chart, outer: Chart | undefined, options: ResolvedWheelOptions): string {
  if (options.title !== null) return options.title;
  const place = chart.location?.place;
  const when = `${chart.moment.utc.toISOString().replace('.000Z', 'Z')}${place ? `, ${place.name} (${place.countryCode})` : ''}`;
  return outer ? `Bi-wheel: ${options.innerLabel} (${when}) and ${options.outerLabel}` : `Chart wheel for ${when}`;
}

/** Long description: positions, houses, angles and aspects (the aspects actually drawn). */
export function wheelDescription(
  chart: Chart,
  outer: Chart | undefined,
  drawnAspects: readonly Aspect[],
  options: ResolvedWheelOptions,
): string {
  const lines = [
    `${options.innerLabel} chart, ${chart.moment.utc.toISOString()}. Positions: ${describePositions(chart)}.`,
    describeHouses(chart),
  ];
  if (outer) {
    lines.push(
      `${options.outerLabel} chart (outer ring), ${outer.moment.utc.toISOString()}. Positions: ${describePositions(outer)}.`,
    );
  }
  if (options.showAspects) lines.push(describeAspects(drawnAspects));
  return lines.join(' ');
}
