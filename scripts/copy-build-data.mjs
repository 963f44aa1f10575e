// Runs after `npm run build` (npm's postbuild hook): copies data files that tsc does not emit
// (it copies only .json files a module imports) next to the compiled modules that read them.
import { cpSync, mkdirSync } from 'node:fs';

for (const dir of ['src/places/data']) {
  mkdirSync(`dist/${dir}`, { recursive: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
