import { ConfigError, loadConfig, type Config } from '../config/config.js';

/** A `nocturna` subcommand. Register it with one line in src/cli/nocturna.ts. */
export interface CliCommand {
  name: string;
  /** One line for `nocturna help`. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves with the exit code. */
  run(args: string[]): Promise<number>;
}

/** Parses `--name value` / `--name=value` / `--flag` into a map (values are strings, flags "true"). */
export function parseFlags(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags.set(arg.slice(2), args[++i]);
    else flags.set(arg.slice(2), 'true');
  }
  return flags;
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
