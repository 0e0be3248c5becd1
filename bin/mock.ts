#!/usr/bin/env node
// The embedded mock as a server of its own (`node bin/mock.js`); compiled like bin/conformance.ts.
import { mockCli } from '../mock/cli.ts';
import { exitQuietlyOnClosedPipe } from './exitQuietlyOnClosedPipe.ts';

exitQuietlyOnClosedPipe();
process.exitCode = await mockCli(process.argv.slice(2));
