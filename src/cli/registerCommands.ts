import type { Command } from 'commander';
import { checkHarCommand } from './commands/checkHarCommand.ts';
import { proxyCommand } from './commands/proxyCommand.ts';
import { mergeCommand } from './commands/mergeCommand.ts';
import { replayCommand } from './commands/replayCommand.ts';
import { runCommand } from './commands/runCommand.ts';
import { verifyPactsCommand } from './commands/verifyPactsCommand.ts';
import type { MainIo } from './MainIo.ts';

/** Registers the commands beyond `constraints`. */
export function registerCommands(program: Command, io: MainIo, setExit: (code: number) => void): void {
  runCommand(program, io, setExit);
  replayCommand(program, io, setExit);
  verifyPactsCommand(program, io, setExit);
  mergeCommand(program, io, setExit);
  proxyCommand(program, io, setExit);
  checkHarCommand(program, io, setExit);
}
