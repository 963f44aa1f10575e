/**
 * The Makefile's shape: every target the deployment guide (README → Deploy) and DEVELOPERS.md name exists and
 * `make help` lists it with one line; `make docker-setup` writes generated secrets and never
 * overwrites an existing .env.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, parseDotenv } from './deploy-helpers.js';

const REQUIRED = [
  'docker-check', 'docker-setup', 'docker-build', 'docker-up', 'docker-down', 'docker-restart', 'docker-status',
  'docker-logs', 'docker-logs-api', 'docker-shell', 'docker-migrate', 'docker-setup-production', 'docker-deploy',
  'docker-clean', 'docker-backup', 'docker-restore', 'docker-token-check', 'docker-token-renew',
  'install', 'start', 'dev', 'build', 'test', 'lint', 'typecheck', 'codegen', 'migrate', 'bench', 'container-test', 'help',
];

describe('Makefile', () => {
  it('make help lists every required target, each on one line with a description', () => {
    const out = execFileSync('make', ['-s', '--no-print-directory', 'help'], { cwd: ROOT, encoding: 'utf8' });
    const lines = new Map(out.split('\n').filter(Boolean).map((l) => {
      const m = /^\s+(\S+)\s+(.+)$/.exec(l);
      return [m?.[1] ?? l, m?.[2] ?? ''] as const;
    }));
    for (const target of REQUIRED) {
      expect(lines.has(target), `make help lacks ${target}`).toBe(true);
      expect(lines.get(target)!.length, `${target} has no description`).toBeGreaterThan(10);
      expect(lines.get(target), `${target}: unexpanded make variable in help`).not.toMatch(/\$\(/);
    }
  });

  it('docker-deploy runs setup (if needed), build, up, wait, migrate, setup-production in that order', () => {
    const out = execFileSync('make', ['-n', 'docker-deploy', 'ENV_FILE=/nonexistent/.env', 'COMPOSE=docker compose'], { cwd: ROOT, encoding: 'utf8' });
    const order = ['docker-setup', 'docker-build', 'docker-up', 'docker-wait', 'docker-migrate', 'docker-setup-production'].map((t) => out.indexOf(`${t}\n`));
    for (const i of order) expect(i).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('docker-setup writes generated secrets (no placeholders), mode 600, and never overwrites .env', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nocturna-setup-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(path.join(ROOT, '.env.example'), path.join(dir, '.env.example'));
    const env = path.join(dir, '.env');
    execFileSync('make', ['-s', '-f', path.join(ROOT, 'Makefile'), 'docker-setup', `ENV_FILE=${env}`], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: process.env.PATH },
    });
    const first = readFileSync(env, 'utf8');
    const vars = parseDotenv(first);
    expect(first).not.toMatch(/=change-me$/m);
    expect(vars.SECRET_KEY).toMatch(/^[0-9a-f]{64}$/);
    for (const k of ['ADMIN_PASSWORD', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'GRAFANA_ADMIN_PASSWORD']) expect(vars[k]).toMatch(/^[0-9a-f]{32}$/);
    expect(statSync(env).mode & 0o777).toBe(0o600);
    writeFileSync(env, first + '# edited by hand\n');
    const again = execFileSync('make', ['-s', '-f', path.join(ROOT, 'Makefile'), 'docker-setup', `ENV_FILE=${env}`], { cwd: dir, encoding: 'utf8' });
    expect(again).toMatch(/left unchanged/);
    expect(readFileSync(env, 'utf8')).toBe(first + '# edited by hand\n');
    // Two runs generate different secrets.
    const other = path.join(dir, 'other.env');
    execFileSync('make', ['-s', '-f', path.join(ROOT, 'Makefile'), 'docker-setup', `ENV_FILE=${other}`], { cwd: dir, encoding: 'utf8' });
    expect(parseDotenv(readFileSync(other, 'utf8')).SECRET_KEY).not.toBe(vars.SECRET_KEY);
  });
});
