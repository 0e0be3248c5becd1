import { Command } from 'commander';
import { constraintsCommand } from '../../src/cli/commands/constraintsCommand.ts';
import { registerCommands } from '../../src/cli/registerCommands.ts';

/**
 * The CLI's own commander program (the commands `main` registers), with every action replaced by a no-op:
 * parsing checks the command, its arguments, every flag and every flag's value, and runs nothing.
 */
export async function parseWithCli(argv: readonly string[]): Promise<void> {
  const program = new Command('conformance').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  constraintsCommand(program, () => undefined);
  registerCommands(program, { out: () => undefined, err: () => undefined }, () => undefined);
  for (const command of program.commands) command.exitOverride().action(() => undefined);
  await program.parseAsync([...argv], { from: 'user' });
}
