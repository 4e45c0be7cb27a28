import { Command } from 'commander';
import { ConfigError } from '../config.js';
import { DomainError } from '../errors.js';

/**
 * What `npm run db:*` and `npm run nlp:*` share: a program of subcommands (start, stop, status),
 * each of which resolves to an exit code.
 */

/** One subcommand: its name, help line, options, and the action that resolves to an exit code. */
export interface ServiceCommand {
  name: string;
  description: string;
  options?: { flags: string; description: string }[];
  run: (opts: Record<string, string | undefined>) => Promise<number>;
}

/**
 * Parses `argv`, runs the chosen subcommand and sets process.exitCode: its own code; 1 for a usage
 * error (commander has printed it) or a failure. An expected failure (DomainError, ConfigError)
 * prints only its message, anything else its stack.
 */
export function runServiceCli(name: string, description: string, commands: ServiceCommand[], argv: string[] = process.argv): void {
  const main = async (): Promise<number> => {
    let action: () => Promise<number> = async () => 1;
    const program = new Command().name(name).description(description).exitOverride();
    for (const c of commands) {
      const sub = program.command(c.name).description(c.description);
      for (const o of c.options ?? []) sub.option(o.flags, o.description);
      sub.action((opts: Record<string, string | undefined>) => {
        action = () => c.run(opts);
      });
    }
    try {
      await program.parseAsync(argv);
    } catch (err) {
      const code = (err as { exitCode?: number }).exitCode;
      return code === 0 ? 0 : 1;
    }
    return action();
  };
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof DomainError || err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
      else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
