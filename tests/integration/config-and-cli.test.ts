/**
 * Configuration (one zod schema over the environment, every invalid variable listed, the
 * SECRET_KEY policy, the generated development secret) and the `nocturna` CLI dispatch.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { runCli } from '../../src/cli/nocturna.js';
import { createJwtVerifier } from '../../src/auth/jwt.verifier.js';
import { signToken } from '../../src/auth/jwt.signer.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'nocturna-config-'));
const GOOD_SECRET = '3b1f9c0e6a2d4f8b7c5e1a9d3f0b6c2e8a4d7f1b9c3e5a0d2f6b8c4e7a1d9f3b';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: tmp(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('has the documented defaults with an empty environment', () => {
    const dataDir = tmp();
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c.nodeEnv).toBe('development');
    expect(c.port).toBe(8000);
    expect(c.cacheTtlSeconds).toBe(3600);
    expect(c.rateLimit).toEqual({ defaultPerHour: 1000, premiumPerHour: 10000 });
    expect(c.registration).toEqual({ allow: false, requiresApproval: true, maxUsers: 100 });
    expect(c.redisUrl).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
    expect(c.corsOrigins).toEqual(['*']);
    expect(c.graphql).toEqual({ introspection: true, sandbox: true });
    expect(c.limits.maxQueryCost).toBe(1000);
    expect(c.jwt).toMatchObject({ issuer: 'nocturna', audience: 'nocturna-api' });
  });

  it('reads every variable of the deployment guide', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      SECRET_KEY: GOOD_SECRET,
      ADMIN_PASSWORD: 'a-strong-admin-password',
      POSTGRES_PASSWORD: 'pg-password',
      ALLOW_USER_REGISTRATION: 'true',
      REGISTRATION_REQUIRES_APPROVAL: 'false',
      MAX_USERS_LIMIT: '5',
      CORS_ORIGINS: '["https://your-backend.com","https://your-frontend.com"]',
      SERVICE_TOKEN: '',
      RATE_LIMIT_DEFAULT: '10',
      RATE_LIMIT_PREMIUM: '20',
      CACHE_TTL: '60',
      DATABASE_URL: 'postgresql://postgres@db:5432/nocturna',
      REDIS_URL: 'redis://redis:6379/0',
      PORT: '9000',
      LOG_LEVEL: 'warn',
      DATA_DIR: tmp(),
    });
    expect(c).toMatchObject({
      nodeEnv: 'production',
      port: 9000,
      logLevel: 'warn',
      secretKeySource: 'env',
      admin: { password: 'a-strong-admin-password' },
      serviceToken: undefined,
      registration: { allow: true, requiresApproval: false, maxUsers: 5 },
      corsOrigins: ['https://your-backend.com', 'https://your-frontend.com'],
      rateLimit: { defaultPerHour: 10, premiumPerHour: 20 },
      cacheTtlSeconds: 60,
      databaseUrl: 'postgresql://postgres@db:5432/nocturna',
      redisUrl: 'redis://redis:6379/0',
      graphql: { introspection: false, sandbox: false },
    });
  });

  it('accepts CORS_ORIGINS as a comma list', () => {
    const c = loadConfig({ DATA_DIR: tmp(), CORS_ORIGINS: 'https://a.example, https://b.example:8443' });
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
  });

  it('lists every invalid variable at once', () => {
    const list = problems({
      PORT: 'eighty',
      CACHE_TTL: '-5',
      REDIS_URL: 'http://localhost:6379',
      CORS_ORIGINS: '["https://ok.example", "not an origin"]',
      ALLOW_USER_REGISTRATION: 'maybe',
      NODE_ENV: 'staging',
    });
    const vars = list.map((p) => p.split(':')[0]);
    expect(vars.sort()).toEqual(['ALLOW_USER_REGISTRATION', 'CACHE_TTL', 'CORS_ORIGINS', 'NODE_ENV', 'PORT', 'REDIS_URL']);
  });

  it.each([
    ['missing', undefined, /required in production/],
    ['short', 'abc123', /at least 32 characters/],
    ['the guide placeholder', 'your_generated_32_char_secret_key', /placeholder/],
    ['a repeated character', 'x'.repeat(40), /placeholder/],
  ])('production refuses a %s SECRET_KEY', (_name, secret, message) => {
    const env: Record<string, string> = { NODE_ENV: 'production' };
    if (secret !== undefined) env.SECRET_KEY = secret;
    const list = problems(env);
    expect(list.length).toBeGreaterThan(0);
    expect(list.join('\n')).toMatch(message);
    expect(list.every((p) => p.startsWith('SECRET_KEY:'))).toBe(true);
  });

  it('development without SECRET_KEY generates one into DATA_DIR and keeps it', () => {
    const dataDir = tmp();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.secretKeySource).toBe('generated');
    expect(first.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(second.secretKey).toBe(first.secretKey);
    const file = join(dataDir, 'dev-secret-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secretKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: tmp() }).secretKey).not.toBe(first.secretKey);
  });
});

describe('JWT verifier factory', () => {
  it('checks its options once, at construction', () => {
    expect(() => createJwtVerifier({ secret: 'short', issuer: 'i', audience: 'a' })).toThrow(/32 characters/);
    expect(() => createJwtVerifier({ secret: GOOD_SECRET, issuer: '', audience: 'a' })).toThrow(/issuer/);
  });

  it('remembers verified tokens only until they expire', async () => {
    const verifier = createJwtVerifier({ secret: GOOD_SECRET, issuer: 'i', audience: 'a', clockToleranceSeconds: 0 });
    const token = signToken({ subject: 'u', kind: 'access' }, { secret: GOOD_SECRET, issuer: 'i', audience: 'a', ttlSeconds: 2 });
    expect((await verifier.verify(token)).subject).toBe('u');
    expect((await verifier.verify(token)).subject).toBe('u'); // from the verified-token cache
    // Three seconds later (the clock moved, not waited for: exp has second resolution, 2 s + 1 s of rounding).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3000 });
    try {
      await expect(verifier.verify(token)).rejects.toThrow(/expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a remembered token is still checked for revocation on every call', async () => {
    const revoked = new Set<string>();
    const verifier = createJwtVerifier({ secret: GOOD_SECRET, issuer: 'i', audience: 'a', isRevoked: async (p) => revoked.has(p.tokenId) });
    const token = signToken({ subject: 'u', kind: 'service', tokenId: 't1' }, { secret: GOOD_SECRET, issuer: 'i', audience: 'a', ttlSeconds: 600 });
    expect((await verifier.verify(token)).tokenId).toBe('t1');
    revoked.add('t1');
    await expect(verifier.verify(token)).rejects.toThrow(/revoked/);
  });
});

describe('nocturna CLI', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
  });

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    return { out, err };
  }

  it('lists its commands and refuses unknown ones', async () => {
    const io = capture();
    expect(await runCli(['help'])).toBe(0);
    expect(io.out.join('')).toMatch(/serve[\s\S]*dev-token/);
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(io.err.join('')).toMatch(/unknown command "frobnicate"/);
  });

  /** A development environment with an empty DATA_DIR (returned), no database URL and no secret. */
  function developmentEnvironment(): string {
    const dataDir = tmp();
    process.env = { ...saved, NODE_ENV: 'development', DATA_DIR: dataDir };
    delete process.env.DATABASE_URL;
    delete process.env.SECRET_KEY;
    return dataDir;
  }

  // The reasons are node's util.parseArgs' messages; only the part naming the argument is checked.
  it.each([
    [['migrate', '--bogus'], /'--bogus'/, /usage: nocturna migrate/],
    [['serve', 'now'], /'now'/, /usage: nocturna serve/],
    [['dev-token', '--ttl'], /'--ttl <value>'/, /usage: nocturna dev-token/],
    [['dev-token', '--subjetc', 'alice'], /'--subjetc'/, /usage: nocturna dev-token/],
    [['dev-token', '--ttl', '0'], /--ttl must be a whole number/, /usage: nocturna dev-token/],
    [['dev-token', '--kind', 'admin'], /--kind must be access or service/, /usage: nocturna dev-token/],
    [['setup-production', '--dry-run=yes'], /'--dry-run'/, /usage: nocturna setup-production/],
    [['token', 'list', '--actve'], /'--actve'/, /usage: nocturna token/],
    [['token', 'revoke', 'id-1', 'id-2'], /'id-2'/, /usage: nocturna token/],
    [['token', 'revoke'], /revoke needs a token id/, /usage: nocturna token/],
    [['token', 'renew', '--days', '3'], /renew needs a token id/, /usage: nocturna token/],
    [['token', 'create', '--scope', 'calculations'], /'--scope'/, /usage: nocturna token/],
    [['token', 'expire'], /unknown subcommand "expire"/, /usage: nocturna token/],
    [['token'], /a subcommand is needed/, /usage: nocturna token/],
    [['admin', 'constructor'], /unknown subcommand "constructor"/, /usage: nocturna admin/],
    [['admin', 'delete', '--email', 'a@example.com', '--yse'], /'--yse'/, /usage: nocturna admin/],
    [['admin', 'list', '--email', 'a@example.com'], /'--email'/, /usage: nocturna admin/],
    // A value that starts with a dash is written --password=-…; given apart it is ambiguous.
    [['admin', 'create', '--email', 'a@example.com', '--password', '-starts-with-a-dash'], /'--password'/, /usage: nocturna admin/],
  ])('%j is refused with its usage (exit 2) before anything is opened or changed', async (args, message, usage) => {
    const dataDir = developmentEnvironment();
    const io = capture();
    expect(await runCli(args)).toBe(2);
    const text = io.err.join('');
    expect(text).toMatch(message);
    expect(text).toMatch(usage);
    expect(io.out.join('')).toBe('');
    // Neither the generated development secret nor the embedded database was written.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it.each([
    [['token', '--help'], /^usage: nocturna token create/],
    [['token', 'create', '--help'], /^usage: nocturna token create/],
    [['admin', 'delete', '-h'], /^usage: nocturna admin create/],
    [['token', 'expire', '--help'], /^usage: nocturna token create/],
    [['migrate', '--bogus', '-h'], /^usage: nocturna migrate/],
    [['dev-token', '--subject', 'alice', '--help'], /^usage: nocturna dev-token/],
  ])('%j prints the usage on stdout (exit 0) and does nothing else', async (args, usage) => {
    const dataDir = developmentEnvironment();
    const io = capture();
    expect(await runCli(args)).toBe(0);
    expect(io.out.join('')).toMatch(usage);
    expect(io.err.join('')).toBe('');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('serve lists every invalid variable and exits non-zero before listening', async () => {
    process.env = { ...saved, NODE_ENV: 'production', SECRET_KEY: 'changeme', PORT: '99999', CACHE_TTL: 'soon', DATA_DIR: tmp() };
    const io = capture();
    expect(await runCli(['serve'])).toBe(2);
    const text = io.err.join('');
    expect(text).toMatch(/PORT/);
    expect(text).toMatch(/CACHE_TTL/);
    expect(text).toMatch(/SECRET_KEY: .*placeholder/);
  });

  it('dev-token prints a token the configured verifier accepts', async () => {
    const dataDir = tmp();
    process.env = { ...saved, NODE_ENV: 'development', DATA_DIR: dataDir };
    delete process.env.SECRET_KEY;
    const io = capture();
    expect(await runCli(['dev-token', '--subject', 'alice', '--ttl', '600'])).toBe(0);
    const token = io.out.join('').trim();
    const config = loadConfig({ DATA_DIR: dataDir });
    const principal = await createJwtVerifier({ secret: config.secretKey, issuer: config.jwt.issuer, audience: config.jwt.audience }).verify(token);
    expect(principal).toMatchObject({ subject: 'alice', kind: 'access' });
    expect(principal.expiresAt - Date.now() / 1000).toBeGreaterThan(590);
  });

  it('dev-token is refused in production', async () => {
    process.env = { ...saved, NODE_ENV: 'production', SECRET_KEY: GOOD_SECRET, DATA_DIR: tmp() };
    const io = capture();
    expect(await runCli(['dev-token'])).toBe(1);
    expect(io.err.join('')).toMatch(/refused in production/);
  });
});
