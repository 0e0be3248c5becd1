import { Command, CommanderError } from 'commander';
import { ConformanceError } from '../errors/ConformanceError.ts';
import { TOOL_VERSION } from '../toolVersion.ts';
import { constraintsCommand } from './commands/constraintsCommand.ts';
import { EXIT_ERROR } from './exitCodes.ts';
import type { MainIo } from './MainIo.ts';
import { registerCommands } from './registerCommands.ts';

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
    .version(TOOL_VERSION)
    .exitOverride()
    // Parse errors are printed once, as one line, by the catch below.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
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
      if (error.exitCode === 0) return 0;
      // Help requested by an error (no command given) was already written in full.
      if (error.code !== 'commander.help') {
        const message = error.message.replace(/^error: /, '').replaceAll('\n', ' ');
        io.err(`conformance: ${message}; run "conformance --help" for usage [${'CONF_ERR_USAGE' satisfies ConformanceError['code']}]\n`);
      }
      return EXIT_ERROR;
    }
    if (error instanceof ConformanceError) {
      io.err(`conformance: ${error.message} [${error.code}]\n`);
      return EXIT_ERROR;
    }
    io.err(`conformance: internal error: ${error instanceof Error ? error.message : String(error)} [CONF_ERR_INTERNAL]\n`);
    return EXIT_ERROR;
  }
}
