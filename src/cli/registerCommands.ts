import type { Command } from 'commander';
import type { MainIo } from './main.ts';

/** Registers the commands beyond `constraints` (run, verify-pacts, replay). */
export function registerCommands(program: Command, io: MainIo, setExit: (code: number) => void): void {
  void program;
  void io;
  void setExit;
}
