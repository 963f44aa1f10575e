/**
 * Graceful drain under load: 50 keep-alive connections keep sending (GraphQL charts on the fast
 * path, /health through express) when SIGTERM's shutdown starts. Every request that was sent is
 * answered (a refused new connection is fine: that request never left); responses after the
 * signal carry `Connection: close`; /ready answers 503 at once; the shutdown completes (the signal
 * handler then exits 0, see server-lifecycle.test.ts).
 *
 * A client told `Connection: close` moves on, as it would behind a balancer that /ready took this
 * replica out of. One that instead kept opening new connections to the draining replica could meet
 * a reset at the instant the listener closes (connections still in the kernel's accept backlog).
 */
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTUP_PROVIDERS, startServer, type RunningServer } from '../../../src/main.js';
import { testConfig } from '../../helpers/config.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../../helpers/queries.js';
import { bearer, signTestToken } from '../../helpers/tokens.js';

const registered = [...STARTUP_PROVIDERS];
beforeAll(() => {
  STARTUP_PROVIDERS.length = 0;
});
afterAll(() => {
  STARTUP_PROVIDERS.splice(0, STARTUP_PROVIDERS.length, ...registered);
});

interface Outcome {
  status?: number;
  connection?: string;
  error?: string;
  /** The request's socket had connected (so the request was sent). */
  sent: boolean;
  afterSignal: boolean;
  /** Sent after the signal (so its response must carry Connection: close). */
  sentAfterSignal: boolean;
}

function send(agent: Agent, port: number, path: string, body: string | undefined, auth: string, afterSignal: () => boolean): Promise<Outcome> {
  const sentAfterSignal = afterSignal();
  return new Promise((resolve) => {
    let sent = false;
    const req = httpRequest(
      {
        host: '127.0.0.1', port, path, agent, method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json', authorization: auth, 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, sent: true, afterSignal: afterSignal(), sentAfterSignal }));
        res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, sent: true, afterSignal: afterSignal(), sentAfterSignal }));
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) sent = true; // a reused keep-alive socket
      socket.once('connect', () => (sent = true));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, sent, afterSignal: afterSignal(), sentAfterSignal }));
    req.end(body);
  });
}

describe('graceful drain', () => {
  let running: RunningServer | undefined;
  afterAll(async () => {
    await running?.shutdown('test end');
  });

  it('answers every request sent over 50 keep-alive connections while SIGTERM drains, then stops', async () => {
    const config = testConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_TIMEOUT: '8000', SHUTDOWN_IDLE_GRACE: '1000' });
    running = await startServer(config, false);
    const port = running.port;
    const auth = bearer(signTestToken(config));
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    let signalled = false;
    const outcomes: Outcome[] = [];
    let stop = false;
    const body = (i: number) => JSON.stringify({
      query: CHART_QUERY,
      variables: { input: { ...NEW_YORK_INPUT, moment: { utc: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString() } } },
    });
    let n = 0;
    const loops = Array.from({ length: 50 }, async (_, c) => {
      while (!stop) {
        const outcome = await send(agent, port, c % 2 === 0 ? '/graphql' : '/health', c % 2 === 0 ? body(n++) : undefined, auth, () => signalled);
        outcomes.push(outcome);
        if (outcome.error === 'ECONNREFUSED') break; // the listener is closed: this client is done
        // Told `Connection: close`, a client moves on (to another replica, as a balancer would).
        if (outcome.connection === 'close') break;
      }
    });

    // Load first, then the signal in the middle of it.
    await expect.poll(() => outcomes.filter((o) => o.status === 200).length, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(200);
    signalled = true;
    const stopped = running.shutdown('SIGTERM');
    const ready = await send(new Agent(), port, '/ready', undefined, auth, () => true);
    expect(ready.status, ready.error).toBe(503);
    await stopped;
    stop = true;
    await Promise.all(loops);
    agent.destroy();
    running = undefined;

    const failed = outcomes.filter((o) => o.error !== undefined && o.sent);
    const refused = outcomes.filter((o) => o.error === 'ECONNREFUSED');
    const answeredAfter = outcomes.filter((o) => o.afterSignal && o.status !== undefined);
    console.log(`drain: ${outcomes.length} requests, ${outcomes.filter((o) => o.status === 200).length} answered 200, ` +
      `${answeredAfter.length} answered after SIGTERM, ${failed.length} failed after being sent, ${refused.length} refused new connections`);
    expect(failed).toEqual([]);
    expect(outcomes.every((o) => o.error !== undefined || o.status === 200)).toBe(true);
    expect(answeredAfter.length).toBeGreaterThan(0);
    const sentAfter = outcomes.filter((o) => o.sentAfterSignal && o.status !== undefined);
    expect(sentAfter.length).toBeGreaterThan(0);
    expect(sentAfter.every((o) => o.connection === 'close')).toBe(true);
  });
});
