/**
 * Options of `Chart.wheelSvg`: how to draw the wheel, and an optional outer chart (bi-wheel). The
 * input is the wheel service's request as it is (the theme's values are the renderer's names).
 */
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { AspectTypeEnum } from '../enums.js';
import { ChartInput } from '../chart/chart.input.js';
import type { AspectType } from '../../ephemeris/types.js';
import { DEFAULT_WHEEL_SIZE_PX, MAX_WHEEL_SIZE_PX, MIN_WHEEL_SIZE_PX, type WheelTheme } from '../../render/index.js';
import { WHEEL_STYLES, type WheelRequest, type WheelStyle } from '../../services/wheel.service.js';

/** GraphQL names LIGHT / DARK; the values resolvers see are the renderer's theme names. */
export const WheelThemeEnum = { LIGHT: 'light', DARK: 'dark' } as const satisfies Record<string, WheelTheme>;

registerEnumType(WheelThemeEnum, {
  name: 'WheelTheme',
  description: 'Colour theme of a chart wheel.',
  valuesConfig: {
    LIGHT: { description: 'Dark ink on a white background.' },
    DARK: { description: 'Light ink on a near-black background.' },
  },
});

export const WheelStyleEnum = Object.fromEntries(WHEEL_STYLES.map((s) => [s, s])) as { [K in WheelStyle]: K };

registerEnumType(WheelStyleEnum, {
  name: 'WheelStyle',
  description: 'The kind of picture.',
  valuesConfig: {
    WESTERN: { description: 'The round wheel, Ascendant on the left (default).' },
    NORTH_INDIAN: { description: 'North Indian square chart: fixed houses (lagna at the top centre), sign numbers in the houses. Use a SIDEREAL chart for Jyotish.' },
    SOUTH_INDIAN: { description: 'South Indian square chart: fixed signs (Pisces top left, clockwise), the lagna marked. Use a SIDEREAL chart for Jyotish.' },
  },
});

@InputType({ description: 'How to draw a chart wheel (SVG). Every field is optional.' })
export class WheelOptionsInput implements WheelRequest {
  @Field(() => WheelStyleEnum, {
    nullable: true,
    defaultValue: 'WESTERN',
    description: 'WESTERN wheel, or a NORTH_INDIAN / SOUTH_INDIAN square chart (whole-sign houses from the lagna; no aspect lines, no outer chart).',
  })
  style?: WheelStyle;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_WHEEL_SIZE_PX,
    description: `Side of the square picture in CSS pixels, ${MIN_WHEEL_SIZE_PX}–${MAX_WHEEL_SIZE_PX}.`,
  })
  size?: number;

  @Field(() => WheelThemeEnum, { nullable: true, defaultValue: WheelThemeEnum.LIGHT, description: 'Colour theme.' })
  theme?: WheelTheme;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Draw the aspect lines in the centre.' })
  showAspects?: boolean;

  @Field(() => [AspectTypeEnum], {
    nullable: true,
    description: 'Only draw these aspect types (default: every aspect of the chart).',
  })
  aspectTypes?: AspectType[];

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'Label each body with its degree, sign and minutes.',
  })
  showDegreeLabels?: boolean;

  @Field(() => String, { nullable: true, description: 'Text of the picture title (at most 200 characters).' })
  title?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the inner chart in the text alternative, e.g. "Natal" (default).',
  })
  innerLabel?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the outer chart of a bi-wheel, e.g. "Transits" or "Partner".',
  })
  outerLabel?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of the element ids, so several wheels can share one page (letters, digits, - and _).',
  })
  idPrefix?: string;

  @Field(() => ChartInput, {
    nullable: true,
    description:
      'A second chart drawn in a ring outside this one (transits, a partner): a bi-wheel. Only its positions are drawn.',
  })
  outer?: ChartInput;
}
