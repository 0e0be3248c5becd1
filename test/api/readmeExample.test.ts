/**
 * The README's "Use it from code" example, run as printed (its package import pointed at the sources):
 * with no environment set it tests the embedded reference mock and must pass.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Use it from code')))?.[1];
if (!example) throw new Error('README.md has no ts example under "Use it from code"');
const api = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const file = join(mkdtempSync(join(tmpdir(), 'readme-example-')), 'example.ts');
writeFileSync(file, example.replace("from 'interconnect-conformance'", `from ${JSON.stringify(api)}`));
// Importing it registers its test in this file.
await import(file);
