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
    const arg = args[i]!;
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) flags.set(arg.slice(2), args[++i]!);
    else flags.set(arg.slice(2), 'true');
  }
  return flags;
}
