import { createRequire } from 'node:module';

/** The suite's own version, from package.json (reports carry it). */
export const TOOL_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
