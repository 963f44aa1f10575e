// Entry of a worker thread when the app runs from the TypeScript sources (tests): registers
// work-source-loader.mjs (TypeScript compiled on import), then loads work.worker.ts. The build never uses it.
import { register } from 'node:module';
import { URL } from 'node:url';

register('./work-source-loader.mjs', import.meta.url);
const { default: work } = await import(new URL('./work.worker.ts', import.meta.url).href);
export default work;
