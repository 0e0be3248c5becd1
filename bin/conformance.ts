#!/usr/bin/env node
// The `conformance` command. Published compiled (dist/bin/conformance.js); bin/conformance.js runs this
// file from the sources through tsx, for the tests and the repository.
import { exitQuietlyOnClosedPipe } from './exitQuietlyOnClosedPipe.ts';

exitQuietlyOnClosedPipe();
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The usual check of an install, answered before the CLI loads its commands and compiles its schemas.
  const { TOOL_VERSION } = await import('../src/toolVersion.ts');
  process.stdout.write(`${TOOL_VERSION}\n`);
} else {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
