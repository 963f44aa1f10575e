/**
 * The operations commands as scripts (the old service kept them in scripts/); each one is the same
 * code path as the `nocturna` bin, so flags, prompts and exit codes are identical:
 *   node dist/scripts/ops.js admin create|list|promote|delete [flags]
 *   node dist/scripts/ops.js token create|list|revoke|check|renew [flags]
 *   node dist/scripts/ops.js setup-production [--dry-run] [--output file]
 *   node dist/scripts/ops.js migrate
 * `npm run admin -- list`, `npm run token -- create`, `npm run setup-production` call it.
 */
import { runCli } from '../src/cli/nocturna.js';

const OPS = new Set(['admin', 'token', 'setup-production', 'migrate']);

const [command, ...rest] = process.argv.slice(2);
if (!command || !OPS.has(command)) {
  console.error(`usage: ops <${[...OPS].join('|')}> [arguments]`);
  process.exit(2);
}
runCli([command, ...rest]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
