/**
 * Instruction benchmark (`npm run bench:instructions`): the machine instructions the server executes
 * per request, counted by valgrind's callgrind, for the first three scenarios of `npm run bench:http`
 * ((1) uncached chart, (2) cached chart, (3) bare node:http + computeChart; bench-load.ts).
 *
 * Each server (bench-http.ts' own `--serve` child) runs under callgrind. After `--warmup` requests
 * the counters are dumped and reset after every batch of `--requests` requests, until three batches
 * in a row agree within 2% (at most `--batches`): V8 goes on optimizing hot code for thousands of
 * requests, so early batches count more than the steady state, and it does so in steps: two
 * batches in a row can agree on a plateau (in one run, the uncached chart's batches 4 and 5 at
 * 1.490 and 1.480 million instructions, then ~1.2 million from batch 6 on). In the steady state
 * the gateway's batches still differ by 1–3% (a collection falls in one batch or the next), hence
 * 2%. The mean of the last three batches is reported, with whether the counts had settled.
 *
 * Why: on a shared virtual machine the req/s of `bench:http` swing by 15–30% or more between runs,
 * so a change of a few percent cannot be seen in them; settled instruction counts can. What they
 * leave out: the kernel's work (syscalls, the TCP stack: most of a cached answer's cost, so the
 * (1)/(2) ratio here overstates (2)/(1) in req/s), what memory costs beyond the instructions
 * (cache misses, page faults), and concurrency (valgrind runs one thread at a time, which is also
 * why scenario (4) is not here). A change that looks neutral here can still cost time: confirm with
 * `bench:http`. Counts compare only on the same node and valgrind versions.
 *
 * Needs valgrind (Debian: `apt-get install valgrind`); a server runs about 50 times slower under it,
 * so a run takes 10–15 minutes. The three servers run one after another.
 * Options: --warmup 3000 --requests 500 --batches 12 --connections 4 --verbose (prints every batch)
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bareChartBody, gatewayChartBody, instantFactory, SAME_INSTANT, SCENARIO_NAMES, type Autocannon } from './bench-load.js';
import { wholeNumberFlag } from './options.js';

const require = createRequire(import.meta.url);
const BENCH_HTTP = fileURLToPath(new URL('./bench-http.js', import.meta.url));

/** The numeric options and their defaults. */
const DEFAULTS = { warmup: 3000, requests: 500, batches: 12, connections: 4 };
type Options = typeof DEFAULTS & { verbose: boolean };

/** The command line's options; an unknown or malformed one is an error that says so. */
function parseOptions(argv: string[]): Options {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--verbose') continue;
    if (!argv[i].startsWith('--') || !Object.hasOwn(DEFAULTS, argv[i].slice(2))) {
      throw new Error(`unknown argument ${argv[i]}; options: ${Object.keys(DEFAULTS).map((o) => `--${o} N`).join(' ')} --verbose`);
    }
    if (argv[i + 1]?.startsWith('--') === false) i += 1; // its value, checked below (a missing one too)
  }
  const options = {
    warmup: wholeNumberFlag('warmup', DEFAULTS.warmup, 1, 'requests', argv),
    requests: wholeNumberFlag('requests', DEFAULTS.requests, 1, 'requests per batch', argv),
    // The counts settle when SETTLED_RUN batches in a row agree.
    batches: wholeNumberFlag('batches', DEFAULTS.batches, SETTLED_RUN, 'batches at most', argv),
    connections: wholeNumberFlag('connections', DEFAULTS.connections, 1, 'connections', argv),
    verbose: argv.includes('--verbose'),
  };
  if (Math.min(options.warmup, options.requests) < options.connections) {
    throw new Error(`--warmup and --requests need at least as many requests as --connections (${options.connections})`);
  }
  return options;
}

/** The commands of valgrind and callgrind_control, or an error saying how to get them. */
function valgrindTools(): { valgrind: string; control: string } {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    execFileSync('callgrind_control', ['-h'], { stdio: 'ignore' });
  } catch {
    throw new Error('bench:instructions needs valgrind with callgrind_control on the PATH (Debian: apt-get install valgrind)');
  }
  return { valgrind: 'valgrind', control: 'callgrind_control' };
}

/**
 * Asks callgrind in process `pid` to dump its counters and reset them. callgrind_control exits 0
 * even when it finds no such process, so its "OK" is checked; the dump file itself (read next) is
 * the check that the dump was written.
 */
function requestDump(control: string, pid: number): void {
  const output = execFileSync(control, ['-d', String(pid)], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!/\bOK\b/.test(output)) throw new Error(`callgrind_control -d ${pid} failed: ${output.trim()}`);
}

/** Instructions ("Ir") in a written callgrind dump file. */
function dumpedInstructions(file: string): number {
  const match = existsSync(file) ? /^totals: (\d+)\n/m.exec(readFileSync(file, 'utf8')) : null;
  if (!match) throw new Error(`no complete callgrind dump in ${file}`);
  return Number(match[1]);
}

interface Scenario {
  name: string;
  role: 'gateway' | 'bare';
  /** The request body: a function for one body per request, a string for the same every time. */
  body: (() => string) | string;
}

/** Settled within this fraction: SETTLED_RUN batches in a row this close (largest against smallest) count as the steady state. */
const SETTLED = 0.02;
const SETTLED_RUN = 3;

interface Counted {
  /** Instructions per request: the mean of the last SETTLED_RUN batches. */
  perRequest: number;
  batches: number;
  settled: boolean;
}

/** Instructions per request of one scenario, once they have settled (see the module comment). */
async function measure(autocannon: Autocannon, tools: ReturnType<typeof valgrindTools>, scenario: Scenario, options: Options): Promise<Counted> {
  const dir = mkdtempSync(join(tmpdir(), 'nocturna-callgrind-'));
  const child: ChildProcess = fork(BENCH_HTTP, ['--serve', scenario.role], {
    execPath: tools.valgrind,
    // callgrind runs node, which runs bench-http.js (fork appends the script and its arguments).
    // V8 compiles optimized code on the main thread when it decides to (V8's flag, passed through node), not on a
    // background thread that valgrind would let lag behind, spreading that work over later batches.
    execArgv: ['-q', '--tool=callgrind', `--callgrind-out-file=${join(dir, 'callgrind.%p')}`, process.execPath, '--no-concurrent-recompilation'],
    // The same server as bench-http's default: memory cache, no accounts, no tracing.
    env: { ...process.env, BENCH_REDIS_URL: '', BENCH_ACCOUNTS: '', BENCH_OTLP_ENDPOINT: '' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let startTimer: NodeJS.Timeout | undefined;
  try {
    const ready = await new Promise<{ port: number; token?: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { port: number; token?: string }));
      child.once('exit', (code) => reject(new Error(`${scenario.role} server under callgrind exited with ${code}`)));
      startTimer = setTimeout(() => reject(new Error(`${scenario.role} server under callgrind did not start within 5 minutes`)), 300_000);
    });
    clearTimeout(startTimer);
    const url = scenario.role === 'bare' ? `http://127.0.0.1:${ready.port}/` : `http://127.0.0.1:${ready.port}/graphql`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (ready.token) headers.authorization = `Bearer ${ready.token}`;
    const { body } = scenario;
    const load = async (amount: number, what: string) => {
      const result = await autocannon({
        url,
        connections: options.connections,
        amount,
        timeout: 120, // seconds: a request under callgrind can wait behind a long compilation
        method: 'POST',
        headers,
        ...(typeof body === 'string' ? { body } : { requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }] }),
      });
      if (result.non2xx + result.errors + result.timeouts > 0) {
        throw new Error(`${scenario.name}: ${what} failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
      }
      return result.requests.total;
    };
    /** Dumps (and resets) the counters: the instructions since the last dump (callgrind numbers its dumps .1, .2 …). */
    let dumps = 0;
    const dump = () => {
      dumps += 1;
      requestDump(tools.control, child.pid!);
      return dumpedInstructions(join(dir, `callgrind.${child.pid}.${dumps}`));
    };
    await load(options.warmup, 'warm-up requests');
    dump();
    const counts: number[] = [];
    for (let batch = 1; ; batch += 1) {
      const sent = await load(options.requests, 'counted requests');
      counts.push(dump() / sent);
      if (options.verbose) console.log(`  batch ${batch}: ${Math.round(counts[batch - 1]).toLocaleString('en-US')} instructions/request`);
      const run = counts.slice(-SETTLED_RUN);
      const settled = run.length === SETTLED_RUN && Math.max(...run) - Math.min(...run) <= SETTLED * Math.min(...run);
      if (settled || batch >= options.batches) return { perRequest: run.reduce((a, b) => a + b, 0) / run.length, batches: batch, settled };
    }
  } finally {
    clearTimeout(startTimer);
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const tools = valgrindTools();
  const autocannon = require('autocannon') as Autocannon;
  console.log(
    `bench:instructions — callgrind; per scenario ${options.warmup} warm-up requests, then batches of ${options.requests} until ${SETTLED_RUN} in a row agree within ` +
      `${SETTLED * 100}% (at most ${options.batches}); ${options.connections} connections; node ${process.version}`,
  );
  const nextGateway = instantFactory();
  const nextBare = instantFactory();
  const scenarios: Scenario[] = [
    { name: SCENARIO_NAMES.uncached, role: 'gateway', body: () => gatewayChartBody(nextGateway()) },
    { name: SCENARIO_NAMES.cached, role: 'gateway', body: gatewayChartBody(SAME_INSTANT) },
    { name: SCENARIO_NAMES.bare, role: 'bare', body: () => bareChartBody(nextBare()) },
  ];
  const perRequest: number[] = [];
  for (const scenario of scenarios) {
    const counted = await measure(autocannon, tools, scenario, options);
    perRequest.push(counted.perRequest);
    console.log(
      `${scenario.name.padEnd(56)} ${Math.round(counted.perRequest).toLocaleString('en-US').padStart(12)} instructions/request ` +
        `(mean of batches ${counted.batches - SETTLED_RUN + 1}–${counted.batches}${counted.settled ? ', settled' : ', NOT settled: raise --warmup or --batches'})`,
    );
  }
  const [uncached, cached, bare] = perRequest;
  // Not a check of bench:http's aims: the kernel's share and memory effects are left out (see above).
  console.log(`\n(3)/(1) = ${((bare / uncached) * 100).toFixed(1)}%   (what (1)/(3) in req/s would be if time followed these counts)`);
  console.log(`(1)/(2) = ${(uncached / cached).toFixed(1)}×   (likewise for (2)/(1); the kernel's share, large for cached answers, is not counted)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
