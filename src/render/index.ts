/** Chart wheel renderer: pure SVG from a computed chart. */
export { renderWheelSvg } from './wheel.svg.js';
export { renderIndianChartSvg, INDIAN_CHART_STYLES, type IndianChartStyle } from './indian-chart.svg.js';
export {
  resolveWheelOptions,
  WHEEL_THEMES,
  MIN_WHEEL_SIZE_PX,
  MAX_WHEEL_SIZE_PX,
  DEFAULT_WHEEL_SIZE_PX,
  DEFAULT_CROSS_ASPECTS,
  type WheelOptions,
  type WheelTheme,
  type ResolvedWheelOptions,
} from './wheel.options.js';
export { aspectFamily, type AspectFamily } from './aspect-families.js';
export { spreadLongitudes } from './spread.js';
