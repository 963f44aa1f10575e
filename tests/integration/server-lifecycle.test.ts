/**
 * main.ts: listens on a real port, connects Redis in the background (the app starts before
 * Redis is reachable), retries start-up providers, and drains on shutdown: stops accepting new
 * connections, lets the in-flight request finish, closes Redis.
 */
import { request as httpRequest } from 'node:http';
import { Router } from 'express';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STARTUP_PROVIDERS, retry, startServer, type RunningServer } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { testConfig } from '../helpers/config.js';
import { PrivateRedis, freePort } from '../helpers/redis-server.js';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let running: RunningServer | undefined;
let redis: PrivateRedis | undefined;
// These tests are about the HTTP lifecycle: run them without the registered providers (the
// accounts database has its own tests) and put the providers back afterwards.
const registered = [...STARTUP_PROVIDERS];
beforeEach(() => {
  STARTUP_PROVIDERS.length = 0;
});
afterAll(() => {
  STARTUP_PROVIDERS.splice(0, STARTUP_PROVIDERS.length, ...registered);
});
afterEach(async () => {
  STARTUP_PROVIDERS.length = 0;
  await running?.shutdown('test end');
  running = undefined;
  await redis?.kill();
  redis = undefined;
});

describe('server lifecycle', () => {
  it('drains in-flight requests on shutdown and refuses new connections', async () => {
    let attempts = 0;
    let arrived!: () => void;
    const slowArrived = new Promise<void>((r) => (arrived = r));
    STARTUP_PROVIDERS.push(async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('database not up yet');
      const router = Router();
      router.get('/slow', (_req, res) => {
        arrived();
        setTimeout(() => res.json({ finished: true }), 400);
      });
      return { routers: [() => router] };
    });
    running = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_TIMEOUT: '5000', SHUTDOWN_IDLE_GRACE: '0' }), false);
    expect(attempts).toBe(3);
    const port = running.port;
    expect((await get(port, '/health')).status).toBe(200);

    const inFlight = get(port, '/slow');
    await slowArrived;
    const stopped = running.shutdown('SIGTERM');
    // The listener closes at once; poll until a new connection is refused, while the slow request is still in flight.
    await expect.poll(() => get(port, '/health').then((r) => `answered ${r.status}`, (e: Error) => e.message), { timeout: 2000, interval: 20 }).toMatch(/ECONNREFUSED/);
    const slow = await inFlight;
    expect(slow.status).toBe(200);
    expect(JSON.parse(slow.body)).toEqual({ finished: true });
    await stopped;
    running = undefined;
  });

  it('SIGTERM drains and exits 0 (Apollo no longer re-raises the signal in the middle of the drain)', async () => {
    // Apollo installs its own SIGTERM handler unless NODE_ENV is "test"; that handler re-raised the
    // signal after stopping, and the process died with 143 before closing Redis and the database.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    const before = new Set(process.listeners('SIGTERM'));
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    let exited!: (code: number | undefined) => void;
    const exitCode = new Promise<number | undefined>((r) => (exited = r));
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exited(code);
    }) as never);
    try {
      running = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1' }), true);
      const added = process.listeners('SIGTERM').filter((l) => !before.has(l));
      expect(added).toHaveLength(1); // ours only
      process.emit('SIGTERM', 'SIGTERM');
      process.emit('SIGTERM', 'SIGTERM'); // a second one (an init forwarding it) is absorbed
      expect(await exitCode).toBe(0);
      expect(kill).not.toHaveBeenCalled();
      await expect(get(running.port, '/health')).rejects.toThrow(/ECONNREFUSED/);
      running = undefined;
    } finally {
      process.env.NODE_ENV = nodeEnv;
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        for (const l of process.listeners(signal)) if (!before.has(l)) process.removeListener(signal, l);
      }
      kill.mockRestore();
      exit.mockRestore();
    }
  });

  it('cuts requests that outlive SHUTDOWN_TIMEOUT', async () => {
    let arrived!: () => void;
    const stuckArrived = new Promise<void>((r) => (arrived = r));
    STARTUP_PROVIDERS.push(async () => {
      const router = Router();
      router.get('/stuck', () => arrived());
      return { routers: [() => router] };
    });
    running = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_TIMEOUT: '300' }), false);
    const stuck = get(running.port, '/stuck').catch((e: Error) => e);
    await stuckArrived;
    const started = Date.now();
    await running.shutdown('SIGTERM');
    running = undefined;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await stuck).toBeInstanceOf(Error);
  });

  it('starts before Redis is reachable, uses it once it is up, and closes it on shutdown', async () => {
    redis = new PrivateRedis(await freePort());
    running = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: redis.url }), false);
    const before = await get(running.port, '/ready');
    expect(before.status).toBe(200);
    expect(JSON.parse(before.body).checks.redis.status).toBe('down');
    await redis.start();
    const port = running.port;
    await expect.poll(async () => JSON.parse((await get(port, '/ready')).body).checks.redis.status, { timeout: 6000, interval: 100 }).toBe('ok');
    const redisClient = running.gateway.runtime.deps.redis!;
    await running.shutdown('SIGTERM');
    running = undefined;
    await expect.poll(() => redisClient.status, { timeout: 1000, interval: 20 }).toBe('end');
  });
});

describe('retry', () => {
  it('retries until success and gives up after the attempts', async () => {
    const logger = createLogger('silent');
    let n = 0;
    expect(await retry('thing', async () => (++n < 3 ? Promise.reject(new Error('no')) : 'yes'), logger, { attempts: 5, delayMs: 1 })).toBe('yes');
    expect(n).toBe(3);
    n = 0;
    await expect(retry('thing', async () => Promise.reject(new Error(`never ${++n}`)), logger, { attempts: 2, delayMs: 1 })).rejects.toThrow('never 2');
    expect(n).toBe(2);
  });

  it('throws an error that is not retryable at once', async () => {
    const logger = createLogger('silent');
    let n = 0;
    const failing = async () => Promise.reject(Object.assign(new Error(`refused ${++n}`), { code: 'FINAL' }));
    await expect(retry('thing', failing, logger, { attempts: 5, delayMs: 1, retryable: (e) => (e as { code?: string }).code !== 'FINAL' })).rejects.toThrow('refused 1');
    expect(n).toBe(1);
  });
});
