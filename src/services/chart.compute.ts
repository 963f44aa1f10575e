/** The default chart domain function: the ephemeris' computeChart (pure, synchronous). */
export { computeChart as defaultComputeChart } from '../ephemeris/index.js';
