/** The true/mean ayanamsa of sidereal.ts, re-exported for positions, chart and the public index. */
export { ayanamsaDegrees } from './sidereal.js';
