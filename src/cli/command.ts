import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/config.js';

/** A `nocturna` subcommand. Register it with one line in src/cli/nocturna.ts. */
export interface CliCommand {
  name: string;
  /** One line for `nocturna help`. */
  summary: string;
  /** What it accepts, printed by `nocturna <name> --help` and after a command line it refuses. */
  usage: string;
  /**
   * Runs the command with the arguments after its name; resolves with the exit code. It reads them
   * with `parseArguments` before doing anything, so that a mistyped option changes nothing.
   */
  run(args: string[]): Promise<number>;
}

/** What a command (or one of its subcommands) accepts after its name. */
export interface ArgumentSpec {
  /** Options that take a value: `--name value` or `--name=value`. */
  values?: readonly string[];
  /** Options without a value: `--name`. */
  switches?: readonly string[];
  /** How many positional arguments may follow (default none). */
  positionals?: number;
}

export interface ParsedArguments {
  /** The value options given (the last one when given twice). */
  values: Map<string, string>;
  /** The switches given. */
  switches: Set<string>;
  positionals: string[];
}

/** A command line the command does not accept: `runCli` prints it with the command's usage (exit 2). */
export class UsageError extends Error {}

/**
 * Reads `args` (node's util.parseArgs, strict): an option not in `spec`, a value option without its
 * value, a value given to a switch or too many positional arguments throw a UsageError. A value
 * that starts with a dash is given as `--name=-value` (`--name -value` is refused as ambiguous).
 * (`--help` never reaches a command: `runCli` answers it.)
 */
export function parseArguments(args: readonly string[], spec: ArgumentSpec): ParsedArguments {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of spec.values ?? []) options[name] = { type: 'string' };
  for (const name of spec.switches ?? []) options[name] = { type: 'boolean' };
  const maxPositionals = spec.positionals ?? 0;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: maxPositionals > 0 });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument '${parsed.positionals[maxPositionals]}' (at most ${maxPositionals} allowed)`);
  }
  const result: ParsedArguments = { values: new Map(), switches: new Set(), positionals: parsed.positionals };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') result.values.set(name, value);
    else if (value === true) result.switches.add(name);
  }
  return result;
}

/**
 * A command with subcommands (`token create …`): the subcommand named first in `args`, and the
 * rest read with its spec (parseArguments). A missing or unknown subcommand is a UsageError.
 */
export function parseSubcommand<S extends string>(args: readonly string[], subcommands: Record<S, ArgumentSpec>): ParsedArguments & { sub: S } {
  const [sub, ...rest] = args;
  if (sub === undefined) throw new UsageError('a subcommand is needed');
  if (!Object.hasOwn(subcommands, sub)) throw new UsageError(`unknown subcommand "${sub}"`);
  return { sub: sub as S, ...parseArguments(rest, subcommands[sub as S]) };
}

/**
 * Loads the configuration from `process.env`; on a ConfigError prints it to stderr and returns
 * undefined (the caller exits with 2). Other errors propagate.
 */
export function loadConfigOrReport(): Config | undefined {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`nocturna: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}
