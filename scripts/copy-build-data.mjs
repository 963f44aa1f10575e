// Runs after `npm run build` (npm's postbuild hook): copies data files that tsc does not emit
// (it copies only .json files a module imports: not the ephemeris pack or the gazetteer index) next to the compiled modules that read them.
import { cpSync, mkdirSync } from 'node:fs';

for (const dir of ['src/places/data', 'src/ephemeris/data']) {
  mkdirSync(`dist/${dir}`, { recursive: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
