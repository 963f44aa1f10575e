#!/usr/bin/env node
/**
 * The `nocturna` bin: `nocturna <command> [options]`. Commands are registered in COMMANDS, one
 * line each. `nocturna <command> [subcommand] --help` prints the command's usage; a command line
 * the command does not accept (an unknown option, say) is refused with its usage and exit code 2.
 */
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { UsageError, type CliCommand } from './command.js';
import { serveCommand } from './commands/serve.js';
import { devTokenCommand } from './commands/dev-token.js';
import { migrateCommand } from './commands/migrate.js';
import { adminCommand } from './commands/admin.js';
import { tokenCommand } from './commands/token.js';
import { setupProductionCommand } from './commands/setup-production.js';

export const COMMANDS: CliCommand[] = [
  serveCommand,
  devTokenCommand,
  migrateCommand,
  adminCommand,
  tokenCommand,
  setupProductionCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: nocturna <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show this help`,
  ].join('\n');
}

/** Dispatches argv (without node and script) to a command; resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`nocturna: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  // --help or -h anywhere before `--` (wherever the rest would be refused, or names no subcommand).
  const end = rest.indexOf('--');
  const options = end < 0 ? rest : rest.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`nocturna ${name}: ${error.message}\n${command.usage}\n`);
    return 2;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`nocturna: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
