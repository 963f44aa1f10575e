/**
 * Dependency rules of src/, checked by `npm run lint` (dependency-cruiser).
 *
 * The parts of src/ form layers: a part may import its own files and the parts of the layers
 * above it, nothing else (type-only imports included). So no two parts import each other, and no
 * cycle of parts can form. Where a new part goes and why: docs/architecture.md.
 */
const LAYERS = [
  ['errors.ts', 'config', 'generated'], // shared leaves: domain errors, the zod config, the Prisma client
  ['ephemeris', 'auth', 'persistence'], // pure calculations; JWT and account state; the database
  ['render', 'quota', 'places'], // SVG wheels of computed charts; the quota seam; gazetteer and zone boundaries
  ['observability'], // logger, metrics, the request observer
  ['cache', 'services'], // Redis/memory cache; the transport-neutral calculation services
  ['app.deps.ts'], // what createApp can be given (types of the composition)
  ['accounts'], // users, tokens, saved charts (services over the database)
  ['graphql', 'http', 'explorer'], // the two transports; the GraphiQL page served from our origin
  ['app.ts'], // createApp: builds the gateway
  ['main.ts'], // the server process
  ['cli'], // the nocturna command
];

/** `src/<part>/…` or `src/<file>` as a path pattern. */
const partPattern = (part) => (part.endsWith('.ts') ? `^src/${part.replace('.', '\\.')}$` : `^src/${part}/`);

const layerRules = LAYERS.flatMap((layer, index) => {
  const allowed = LAYERS.slice(0, index).flat();
  return layer.map((part) => ({
    name: `layer:${part}`,
    comment: `${part} may import only ${allowed.length ? allowed.join(', ') : 'nothing else in src/'} (layers above it in .dependency-cruiser.cjs)`,
    severity: 'error',
    from: { path: partPattern(part) },
    to: { path: '^src/', pathNot: [partPattern(part), ...allowed.map(partPattern)] },
  }));
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'unlayered-part',
      comment: 'every part of src/ has a layer: add a new folder or top-level file to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.flat().map(partPattern) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'modules must not import each other at run time (import order would decide what is initialised)',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
