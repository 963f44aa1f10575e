/**
 * Static checks of the deployment files: compose.yaml against the Compose Specification
 * schema, the Dockerfile with a linter and the image policy, the Kubernetes manifests with a
 * schema-aware validator. Every check is also run on a deliberately broken copy and must fail.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  ROOT, checkComposeText, composeVariables, dockerfilePolicy, dockerfileStages, interpolate, lintDockerfile,
  parseDotenv, parseManifests, read, strictK8sCheck, validateK8sObject, type K8sObject,
} from './deploy-helpers.js';
import { createMetrics } from '../../src/observability/metrics.js';

/** Each broken copy must differ from the original (the replacement really happened) and be reported by `check`. */
function expectEveryCopyFails(original: string, broken: readonly string[], check: (text: string) => readonly unknown[]): void {
  for (const text of broken) {
    expect(text).not.toBe(original);
    expect(check(text).length).toBeGreaterThan(0);
  }
}

const envExample = parseDotenv(read('.env.example'));
const composeText = read('compose.yaml');
const compose = interpolate(YAML.parse(composeText, { merge: true }), envExample) as {
  services: Record<string, Record<string, any>>;
  networks: Record<string, unknown>;
  volumes: Record<string, unknown>;
};

describe('compose.yaml', () => {
  it('is valid against the Compose Specification schema (interpolated with .env.example)', () => {
    expect(checkComposeText(composeText, envExample)).toEqual([]);
  });

  it('compose.debug.yaml is valid too, and only publishes db/redis on loopback', () => {
    const text = read('compose.debug.yaml');
    expect(checkComposeText(text, envExample)).toEqual([]);
    const debug = interpolate(YAML.parse(text), envExample) as typeof compose;
    for (const [name, svc] of Object.entries(debug.services)) {
      expect(['db', 'redis']).toContain(name);
      for (const port of svc.ports) expect(String(port)).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('fails on broken copies: unknown key, wrong type, bad duration, YAML error, missing required variable', () => {
    const broken = [
      composeText.replace('    restart: unless-stopped\n    environment:\n      POSTGRES_USER', '    restart: unless-stopped\n    healthchek: {}\n    environment:\n      POSTGRES_USER'),
      composeText.replace('      interval: 5s\n      timeout: 5s\n      retries: 10\n      start_period: 10s', '      interval: 5s\n      timeout: 5s\n      retries: ten\n      start_period: 10s'),
      composeText.replace('    stop_grace_period: 30s\n    deploy:\n      resources:\n        limits:\n          cpus: "${DB_CPUS', '    stop_grace_period: thirty seconds\n    deploy:\n      resources:\n        limits:\n          cpus: "${DB_CPUS'),
      composeText.replace('networks:\n  nocturna-network:\n    driver: bridge', 'networks:\n  nocturna-network:\n  driver: [bridge'),
    ];
    expectEveryCopyFails(composeText, broken, (text) => checkComposeText(text, envExample));
    const { SECRET_KEY: _omit, ...noSecret } = envExample;
    expect(checkComposeText(composeText, noSecret)).toEqual([expect.stringMatching(/SECRET_KEY/)]);
  });

  it('has app on 8000, db and redis unpublished with healthchecks, a one-shot migrate, one network', () => {
    const s = compose.services;
    expect(s.app.ports).toEqual(['0.0.0.0:8000:8000']);
    expect(s.db.ports).toBeUndefined();
    expect(s.redis.ports).toBeUndefined();
    expect(s.db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(s.redis.healthcheck.test.join(' ')).toContain('redis-cli ping');
    expect(s.redis.command).toEqual(expect.arrayContaining(['--requirepass', '--appendonly', 'yes']));
    expect(s.db.volumes[0]).toMatch(/^postgres-data:/);
    expect(s.migrate.command).toEqual(['migrate']);
    expect(s.migrate.restart).toBe('no');
    expect(s.app.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(String(s.app.healthcheck.test)).toContain('/health');
    expect(Object.keys(compose.networks)).toEqual(['nocturna-network']);
    for (const [name, svc] of Object.entries(s)) {
      expect(svc.networks, name).toEqual(['nocturna-network']);
      if (name !== 'migrate') {
        expect(svc.restart, name).toBe('unless-stopped');
        expect(svc.deploy?.resources?.limits?.memory, `${name} memory limit`).toBeTruthy();
        expect(svc.deploy?.resources?.limits?.cpus, `${name} cpu limit`).toBeTruthy();
      }
    }
  });

  it('puts nginx + replicas in the scale profile and prometheus + grafana in the monitoring profile', () => {
    const s = compose.services;
    expect(s.nginx.profiles).toEqual(['scale']);
    expect(s['app-replica'].profiles).toEqual(['scale']);
    expect(s['app-replica'].deploy.replicas).toBe(2);
    expect(s['app-replica'].ports).toBeUndefined();
    expect(s.prometheus.profiles).toEqual(['monitoring']);
    expect(s.grafana.profiles).toEqual(['monitoring']);
    for (const name of ['app', 'migrate', 'db', 'redis']) expect(s[name].profiles, name).toBeUndefined();
    // Every file the services mount exists.
    for (const svc of Object.values(s)) {
      for (const v of (svc.volumes ?? []) as string[]) {
        if (v.startsWith('./')) expect(existsSync(path.join(ROOT, v.split(':')[0])), v).toBe(true);
      }
    }
  });

  it('names, for every service the container test starts, an image build-base-images.sh builds a stand-in for', () => {
    // The container test pulls nothing: a tag changed here without its stand-in would fail there.
    const standIns = new Set([...read('tests/containers/build-base-images.sh').matchAll(/^\s+\[([^\]]+)\]=[a-z]+$/gm)].map((m) => m[1]));
    const qualified = (image: string) => {
      const parts = image.split('/');
      return parts.length === 1 ? `docker.io/library/${image}` : parts.length === 2 ? `docker.io/${image}` : image;
    };
    for (const name of ['db', 'redis', 'nginx', 'prometheus']) expect(standIns, name).toContain(qualified(compose.services[name].image));
    expect(compose.services.prometheus.image).toBe('prom/prometheus:v2.42.0');
  });

  it('uses only interpolations podman-compose 1.0 understands (no empty default such as ${VAR:-})', () => {
    // podman-compose 1.0.x (Debian bookworm) leaves `${VAR:-}` and `${VAR-}` unreplaced, literally.
    for (const file of ['compose.yaml', 'compose.debug.yaml']) expect(read(file)).not.toMatch(/\$\{[A-Za-z_]+:?-\}/);
  });

  it('documents every interpolated variable in .env.example, each with a comment line', () => {
    const used = new Set([...composeVariables(composeText), ...composeVariables(read('compose.debug.yaml'))]);
    for (const name of used) expect(Object.keys(envExample), name).toContain(name);
    const lines = read('.env.example').split('\n');
    lines.forEach((line, i) => {
      if (/^[A-Z_]+=/.test(line)) {
        const previous = lines[i - 1] ?? '';
        expect(previous.startsWith('#') || /^[A-Z_]+=/.test(previous), `${line} has no comment`).toBe(true);
      }
    });
    // Secrets are placeholders in the example, replaced by make docker-setup.
    for (const secret of ['SECRET_KEY', 'ADMIN_PASSWORD', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'GRAFANA_ADMIN_PASSWORD']) {
      expect(envExample[secret], secret).toBe('change-me');
    }
  });
});

describe('monitoring files', () => {
  it('prometheus scrapes /metrics of app and app-replica; grafana provisions the datasource and dashboard', () => {
    const prom = YAML.parse(read('docker/prometheus/prometheus.yml'));
    const job = prom.scrape_configs.find((j: { job_name: string }) => j.job_name === 'nocturna');
    expect(job.metrics_path).toBe('/metrics');
    expect(job.dns_sd_configs[0].names).toEqual(['app', 'app-replica']);
    expect(job.dns_sd_configs[0].port).toBe(8000);
    const ds = YAML.parse(read('docker/grafana/provisioning/datasources/prometheus.yml'));
    expect(ds.datasources[0].url).toBe('http://prometheus:9090');
    const dash = JSON.parse(read('docker/grafana/dashboards/nocturna.json'));
    const exprs = dash.panels.flatMap((p: { targets: Array<{ expr: string; datasource: { uid: string } }> }) => p.targets.map((t) => t.expr));
    const text = exprs.join('\n');
    expect(text).toContain('nocturna_http_requests_total'); // requests
    expect(text).toContain('nocturna_http_request_duration_seconds_bucket'); // latency
    expect(text).toContain('nocturna_response_cache_hits_total'); // cache hit ratio
    expect(text).toContain('status="429"'); // rate-limited requests
    for (const p of dash.panels) for (const t of p.targets) expect(t.datasource.uid).toBe(ds.datasources[0].uid);
  });

  it('every metric the dashboard queries is declared by the app (src/observability/metrics.ts)', () => {
    const dash = JSON.parse(read('docker/grafana/dashboards/nocturna.json'));
    const declared = new Set(createMetrics(false).registry.getMetricsAsArray().map((m) => m.name));
    expect(declared).toContain('nocturna_http_request_duration_seconds');
    const used = new Set<string>();
    for (const p of dash.panels) for (const t of p.targets) for (const m of t.expr.matchAll(/\b(nocturna_[a-z_]+)/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(3);
    for (const name of used) {
      const base = name.replace(/_(bucket|sum|count)$/, '');
      // nocturna_process_* come from prom-client's default metrics with the nocturna_ prefix.
      expect(declared.has(base) || base.startsWith('nocturna_process_'), name).toBe(true);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('passes the linter (dockerfile-utils) with no error or warning', () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it('the linter fails broken copies: unknown flag, missing argument, lower-case instruction, relative WORKDIR', () => {
    const broken = [
      dockerfile.replace('HEALTHCHECK --interval=15s', 'HEALTHCHECK --interva=15s'),
      dockerfile.replace('COPY package.json ./\n', 'COPY package.json\n'),
      dockerfile.replace('EXPOSE 8000', 'expose 8000'),
      dockerfile.replace('WORKDIR /app\nCOPY --from=build', 'WORKDIR app\nCOPY --from=build'),
    ];
    expectEveryCopyFails(dockerfile, broken, lintDockerfile);
  });

  it('meets the image policy: BASE arg, multi-stage, numeric non-root USER, HEALTHCHECK, no dev deps or secrets', () => {
    expect(dockerfilePolicy(dockerfile)).toEqual([]);
    const stages = dockerfileStages(dockerfile);
    expect(stages.map((s) => s.from)).toEqual(['${BASE} AS build', '${BASE} AS runtime']);
  });

  it('the policy fails broken copies: root user, no healthcheck, dev install, baked secret', () => {
    const broken = [
      dockerfile.replace('USER 10001:10001', 'USER root'),
      dockerfile.replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ''),
      dockerfile.replace('COPY --from=build /app/node_modules ./node_modules', 'RUN npm ci'),
      dockerfile.replace('ENV NODE_ENV=production \\\n    HOST', 'ENV SECRET_KEY=abc \\\n    HOST'),
    ];
    expectEveryCopyFails(dockerfile, broken, dockerfilePolicy);
  });

  it('.dockerignore keeps secrets and local state out of the build context', () => {
    const ignore = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', '.git', '**/node_modules', 'dist', 'data', 'deployment_summary.json', 'backups']) {
      expect(ignore, entry).toContain(entry);
    }
  });
});

describe('Kubernetes manifests (docker/kubernetes, kustomize)', () => {
  const dir = 'docker/kubernetes';
  const kustomization = YAML.parse(read(`${dir}/kustomization.yaml`));
  const objects: K8sObject[] = (kustomization.resources as string[]).flatMap((f) => parseManifests(read(`${dir}/${f}`)));
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);

  it('kustomization lists every manifest (except *.example.yaml) and only existing files', () => {
    expect(kustomization.kind).toBe('Kustomization');
    const files = readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && !f.endsWith('.example.yaml'));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('every object is valid against the Kubernetes OpenAPI schema (kubernetes-models)', () => {
    expect(objects.length).toBeGreaterThanOrEqual(7);
    for (const obj of [...objects, ...parseManifests(read(`${dir}/secret.example.yaml`))]) {
      expect(validateK8sObject(obj), `${obj.kind}/${obj.metadata.name}`).toEqual([]);
    }
  });

  it('the validator fails broken copies: wrong types, missing required fields, bad enum', () => {
    const deployment = structuredClone(byKind('Deployment')[0]) as any;
    const cases: Array<(d: any) => void> = [
      (d) => { d.spec.replicas = 'two'; },
      (d) => { d.spec.template.spec.containers[0].ports[0].containerPort = 'http'; },
      (d) => { delete d.spec.selector; },
      (d) => { delete d.spec.template.spec.containers[0].name; },
      (d) => { d.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes'; },
      (d) => { d.spec.template.spec.containers[0].readinessProbe.periodSeconds = '10s'; },
    ];
    for (const breakIt of cases) {
      const copy = structuredClone(deployment);
      breakIt(copy);
      expect(validateK8sObject(copy).length, breakIt.toString()).toBeGreaterThan(0);
    }
    const hpa = structuredClone(byKind('HorizontalPodAutoscaler')[0]) as any;
    delete hpa.spec.maxReplicas;
    expect(validateK8sObject(hpa).length).toBeGreaterThan(0);
    const job = parseManifests(read(`${dir}/migration-job.yaml`))[0] as any;
    job.spec.template.spec.restartPolicy = 'Forever';
    expect(validateK8sObject(job).length).toBeGreaterThan(0);
  });

  it('has no unknown fields (strict check: each object type-checked against kubernetes-types)', () => {
    const all = [...objects, ...parseManifests(read(`${dir}/secret.example.yaml`))];
    expect(strictK8sCheck(all)).toEqual([]);
  });

  it('the strict check fails broken copies: misspelt container field, unknown spec field, wrong nested type', () => {
    const deployment = structuredClone(byKind('Deployment')[0]) as any;
    deployment.spec.template.spec.containers[0].readinesProbe = deployment.spec.template.spec.containers[0].readinessProbe;
    const hpa = structuredClone(byKind('HorizontalPodAutoscaler')[0]) as any;
    hpa.spec.minReplica = 1;
    const service = structuredClone(byKind('Service')[0]) as any;
    service.spec.ports[0].port = '80';
    const problems = strictK8sCheck([deployment, hpa, service]);
    expect(problems).toEqual([
      expect.stringMatching(/^Deployment\/nocturna-api: .*readinesProbe/),
      expect.stringMatching(/^HorizontalPodAutoscaler\/nocturna-api: .*minReplica/),
      expect.stringMatching(/^Service\/nocturna-api: .*string.*number/),
    ]);
  });

  it('wires the objects together: probes, requests, selectors, HPA target, config and secret names', () => {
    const [deployment] = byKind('Deployment') as any[];
    const pod = deployment.spec.template;
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'nocturna-api' });
    for (const [k, v] of Object.entries(deployment.spec.selector.matchLabels)) expect(pod.metadata.labels[k]).toBe(v);
    const c = pod.spec.containers[0];
    expect(c.readinessProbe.httpGet.path).toBe('/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(c.resources.requests.cpu).toBeTruthy();
    expect(c.resources.requests.memory).toBeTruthy();
    expect(c.ports[0].containerPort).toBe(8000);
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    const [service] = byKind('Service') as any[];
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe(c.ports[0].name);
    const [hpa] = byKind('HorizontalPodAutoscaler') as any[];
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    const [job] = byKind('Job') as any[];
    expect(job.spec.template.spec.containers[0].args).toEqual(['migrate']);
    const [configMap] = byKind('ConfigMap') as any[];
    const secret = parseManifests(read(`${dir}/secret.example.yaml`))[0] as any;
    for (const podSpec of [pod.spec, job.spec.template.spec]) {
      const refs = podSpec.containers[0].envFrom;
      expect(refs).toEqual([{ configMapRef: { name: configMap.metadata.name } }, { secretRef: { name: secret.metadata.name } }]);
    }
    // The ConfigMap and Secret carry the same variables as the compose deployment.
    for (const key of Object.keys(configMap.data)) {
      expect(key in envExample || ['NODE_ENV', 'PORT', 'MIGRATE_ON_START'].includes(key), key).toBe(true);
    }
    expect(Object.keys(secret.stringData).sort()).toEqual(['ADMIN_PASSWORD', 'DATABASE_URL', 'REDIS_URL', 'SECRET_KEY']);
  });
});
