/**
 * Options of the chart wheel renderer, their defaults and their validation. Options are checked
 * once, when `resolveWheelOptions` builds the resolved set, and every problem is a
 * `ValidationError` naming the offending option relative to the options (`size`, `theme`, …).
 */
import { ValidationError } from '../errors.js';
import { resolveAspectOptions, type ResolvedAspectOptions } from '../ephemeris/aspects.js';
import { ASPECT_TYPES, type AspectOptions, type AspectType } from '../ephemeris/types.js';

/**
 * Default inner–outer aspects of a bi-wheel: the five major aspects with transit-sized orbs, 3°
 * (sextile 2°), a conventional choice for transits to a natal chart; synastry usually widens them
 * (`orbMultiplier`).
 */
export const DEFAULT_CROSS_ASPECTS: AspectOptions = Object.freeze({
  types: ['CONJUNCTION', 'OPPOSITION', 'TRINE', 'SQUARE', 'SEXTILE'] as AspectType[],
  orbs: { CONJUNCTION: 3, OPPOSITION: 3, TRINE: 3, SQUARE: 3, SEXTILE: 2 },
});

export const WHEEL_THEMES = ['light', 'dark'] as const;
export type WheelTheme = (typeof WHEEL_THEMES)[number];

/** Smallest and largest accepted picture side, CSS pixels. */
export const MIN_WHEEL_SIZE_PX = 300;
export const MAX_WHEEL_SIZE_PX = 2000;
export const DEFAULT_WHEEL_SIZE_PX = 600;

/** What the caller may set; everything is optional. */
export interface WheelOptions {
  /** Side of the square picture, CSS pixels, integer in [300, 2000]. Default 600. */
  size?: number;
  /** Colour theme. Default `light`. */
  theme?: WheelTheme;
  /** Draw the aspect lines in the centre. Default true. */
  showAspects?: boolean;
  /** Only draw these aspect types (default: every aspect the chart carries). */
  aspectTypes?: readonly AspectType[];
  /** Draw the degree, sign and minute labels next to each body. Default true. */
  showDegreeLabels?: boolean;
  /**
   * Title of the picture (at most 200 characters, no control characters): drawn centred above the
   * wheel (shortened with "…" to the picture's width) and used as the SVG `<title>`. Default: no
   * drawn title, and "Chart wheel for …" / "Bi-wheel: …" as the `<title>`.
   */
  title?: string;
  /** Name of the inner chart in the text alternative (e.g. "Natal"). Default "Natal". At most 60 characters. */
  innerLabel?: string;
  /** Name of the outer chart of a bi-wheel (e.g. "Transits"). Default "Outer". At most 60 characters. */
  outerLabel?: string;
  /** Bi-wheels: draw (and list) the aspects between the inner and the outer chart. Default true. */
  showCrossAspects?: boolean;
  /**
   * Bi-wheels: which inner–outer aspects, with which orbs (as a chart's `aspects`: types, orbs,
   * orbMultiplier; orbs not given come from the standard table). Default {@link DEFAULT_CROSS_ASPECTS}.
   */
  crossAspects?: AspectOptions | null;
  /** Bi-wheels: draw the outer chart's house cusps and angles as ticks (when it has houses). Default true. */
  showOuterHouses?: boolean;
  /**
   * Prefix of the element ids (`<title>`/`<desc>`), so several wheels can share one page.
   * Letters, digits, `-` and `_`, starting with a letter, at most 40 characters. Default "nocturna-wheel".
   */
  idPrefix?: string;
}

/** Options with every default filled in. */
export interface ResolvedWheelOptions {
  readonly size: number;
  readonly theme: WheelTheme;
  readonly showAspects: boolean;
  readonly aspectTypes: ReadonlySet<AspectType> | null;
  readonly showDegreeLabels: boolean;
  readonly title: string | null;
  readonly innerLabel: string;
  readonly outerLabel: string;
  readonly showCrossAspects: boolean;
  readonly crossAspects: ResolvedAspectOptions;
  readonly showOuterHouses: boolean;
  readonly idPrefix: string;
}

const DEFAULT_CROSS_RESOLVED = resolveAspectOptions(DEFAULT_CROSS_ASPECTS, 'crossAspects');

const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

function checkText(field: string, value: unknown, maxLength: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ValidationError(field, `options.${field} must be a string`);
  if (value.length > maxLength) {
    throw new ValidationError(field, `options.${field} must be at most ${maxLength} characters`);
  }
  // Control characters and lone surrogates cannot be written in XML text.
  if (/[\p{Cc}\p{Cs}]/u.test(value)) {
    throw new ValidationError(field, `options.${field} must not contain control characters or lone surrogates`);
  }
  return value;
}

function checkBoolean(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new ValidationError(field, `options.${field} must be a boolean`);
  return value;
}

/**
 * Checks wheel options and fills in the defaults.
 * @throws ValidationError naming the first bad option (`size`, `theme`, …).
 */
export function resolveWheelOptions(options: WheelOptions = {}): ResolvedWheelOptions {
  const size = options.size ?? DEFAULT_WHEEL_SIZE_PX;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < MIN_WHEEL_SIZE_PX || size > MAX_WHEEL_SIZE_PX) {
    throw new ValidationError(
      'size',
      `options.size must be an integer number of pixels from ${MIN_WHEEL_SIZE_PX} to ${MAX_WHEEL_SIZE_PX}, got ${String(size)}`,
    );
  }
  const theme = options.theme ?? 'light';
  if (!(WHEEL_THEMES as readonly string[]).includes(theme)) {
    throw new ValidationError('theme', `options.theme must be one of ${WHEEL_THEMES.join(', ')}`);
  }
  let aspectTypes: Set<AspectType> | null = null;
  if (options.aspectTypes !== undefined && options.aspectTypes !== null) {
    if (!Array.isArray(options.aspectTypes)) {
      throw new ValidationError('aspectTypes', 'options.aspectTypes must be a list of aspect types');
    }
    for (const type of options.aspectTypes as readonly unknown[]) {
      if (!(ASPECT_TYPES as readonly unknown[]).includes(type)) {
        throw new ValidationError('aspectTypes', `options.aspectTypes: unknown aspect type ${String(type)}`);
      }
    }
    aspectTypes = new Set(options.aspectTypes);
  }
  const idPrefix = checkText('idPrefix', options.idPrefix, 40) ?? 'nocturna-wheel';
  if (!ID_PREFIX.test(idPrefix)) {
    throw new ValidationError(
      'idPrefix',
      'options.idPrefix must start with a letter and hold only letters, digits, "-" and "_"',
    );
  }
  return {
    size,
    theme,
    showAspects: checkBoolean('showAspects', options.showAspects, true),
    aspectTypes,
    showDegreeLabels: checkBoolean('showDegreeLabels', options.showDegreeLabels, true),
    title: checkText('title', options.title, 200),
    innerLabel: checkText('innerLabel', options.innerLabel, 60) ?? 'Natal',
    outerLabel: checkText('outerLabel', options.outerLabel, 60) ?? 'Outer',
    showCrossAspects: checkBoolean('showCrossAspects', options.showCrossAspects, true),
    crossAspects:
      options.crossAspects === undefined || options.crossAspects === null
        ? DEFAULT_CROSS_RESOLVED
        : resolveAspectOptions(options.crossAspects, 'crossAspects'),
    showOuterHouses: checkBoolean('showOuterHouses', options.showOuterHouses, true),
    idPrefix,
  };
}
