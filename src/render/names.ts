/** Human-readable names for the text alternative of a wheel (English). */
import type { AspectType, ChartPoint, HouseSystem, Sign } from '../ephemeris/types.js';

function titleCase(constant: string): string {
  return constant
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** "Mean Node", "Sun", "Ascendant"… */
export function pointName(point: ChartPoint): string {
  return titleCase(point);
}

/** "Capricorn"… */
export function signName(sign: Sign): string {
  return titleCase(sign);
}

/** "Whole Sign", "Placidus"… */
export function houseSystemName(system: HouseSystem): string {
  return titleCase(system);
}

/** "trine", "semisquare"… */
export function aspectName(type: AspectType): string {
  return type.toLowerCase();
}
