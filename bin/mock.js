#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), like bin/conformance.js.
import { register } from 'tsx/esm/api';

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
register();
const { mockCli } = await import('../mock/cli.ts');
process.exitCode = await mockCli(process.argv.slice(2));
