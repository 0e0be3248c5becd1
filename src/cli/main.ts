import { Command, CommanderError } from 'commander';
import { ConformanceError } from '../errors/ConformanceError.ts';
import { constraintsCommand } from './commands/constraintsCommand.ts';
import { exitCodeFor } from './exitCodeFor.ts';
import { registerCommands } from './registerCommands.ts';

export interface MainIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: MainIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * The only owner of the exit code: commands return an exit code or throw; every error becomes one line
 * on stderr and 2 (usage, configuration, connection), never a stack trace.
 */
export async function main(argv: readonly string[], io: MainIo = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('conformance')
    .description('Contract and conformance tests for the HCX interconnect-appliance upgrade and Huawei DC hosted-connection update APIs')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(text) })
    .showHelpAfterError('(run "conformance --help" for usage)');
  const setExit = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  constraintsCommand(program, io.out);
  registerCommands(program, io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConformanceError) {
      io.err(`conformance: ${error.message} [${error.code}]\n`);
      return exitCodeFor(error);
    }
    io.err(`conformance: internal error: ${error instanceof Error ? error.message : String(error)} [CONF_ERR_INTERNAL]\n`);
    return 2;
  }
}
