import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Bundler {
  buildSync(options: Record<string, unknown>): { outputFiles: readonly { text: string }[] };
}

/** esbuild options for the page's script: one classic script (no module loader in a file:// page), no network. */
export const CLIENT_BUNDLE_OPTIONS = { bundle: true, format: 'iife', target: 'es2020', platform: 'browser', charset: 'utf8', legalComments: 'none' } as const;

/** Bundles the page's script from its TypeScript source (`client.ts` and what it imports) with esbuild. */
export function bundleClientScript(source: string): string {
  // Loaded only here: the built package never bundles, and does not depend on esbuild.
  const esbuild = createRequire(import.meta.url)('esbuild') as Bundler;
  return esbuild.buildSync({ ...CLIENT_BUNDLE_OPTIONS, entryPoints: [source], write: false }).outputFiles[0]!.text;
}

/**
 * The HTML report's script. The built package carries it bundled beside this module (bin/build.js
 * writes `client.js`); run from the sources, `client.ts` is bundled once per process with esbuild,
 * which the sources run under anyway (tsx).
 */
export function clientScript(): string {
  const built = new URL('./client.js', import.meta.url);
  if (existsSync(built)) return readFileSync(built, 'utf8');
  return bundleClientScript(fileURLToPath(new URL('./client.ts', import.meta.url)));
}
