import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnyValidateFunction } from 'ajv/dist/core.js';
import type { ValidateFunction } from 'ajv';
import { STANDALONE_FORMATS_MODULE, STANDALONE_PATTERN_MODULE, createAjv, standaloneFormats, standalonePattern } from './createAjv.ts';

/** How a schema is compiled: parameters coerce text to the schema's type; lenient reading tells quirks instead of refusing. */
export type ValidatorFlavour = 'param' | 'body' | 'param-lenient' | 'body-lenient';

/** A validator as stored: the function, and what lenient reading told while compiling it. */
export interface StoredValidator<T = unknown> {
  readonly validate: ValidateFunction<T>;
  readonly quirks: readonly string[];
}

/** Bumped when the stored form changes, so an old file is never read as a new one. */
const STORED_FORM = 1;
const require = createRequire(import.meta.url);
let versionsHeld: string | undefined;
const versions = (): string => (versionsHeld ??= ['ajv', 'ajv-formats'].map((name) => (require(`${name}/package.json`) as { version: string }).version).join(','));

/** Validators `npm run build` generated for the shipped documents and schemas: beside the compiled code (dist/validators/). */
const BUILT = fileURLToPath(new URL('../../validators/', import.meta.url));

/**
 * Where validators compiled at run time are kept: `$CONFORMANCE_CACHE_DIR` (`off` disables it), else
 * `$XDG_CACHE_HOME/interconnect-conformance`, else `.cache/interconnect-conformance` in the `node_modules`
 * folder this package is installed in (or the repository's own).
 */
export function validatorCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CONFORMANCE_CACHE_DIR;
  if (given !== undefined && given !== '') return given === 'off' ? undefined : given;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'interconnect-conformance');
  const here = fileURLToPath(import.meta.url);
  const at = here.lastIndexOf(`${sep}node_modules${sep}`);
  const root = at >= 0 ? here.slice(0, at) : dirname(dirname(dirname(here.endsWith('.ts') ? here : dirname(here))));
  return join(root, 'node_modules', '.cache', 'interconnect-conformance');
}

/** Where new validators are written instead of the cache, and nothing is read: `npm run build` generating dist/validators/. */
let generatingInto: string | undefined;

/** The build generates every validator it compiles into `dir` (and reads none from a cache). */
export function generateValidatorsInto(dir: string | undefined): void {
  generatingInto = dir;
}

/** The file name of a schema's validator: a hash of what decides its code. */
export function validatorKey(schema: unknown, flavour: ValidatorFlavour): string {
  return createHash('sha256')
    .update(JSON.stringify([STORED_FORM, versions(), flavour, schema]))
    .digest('hex')
    .slice(0, 40);
}

/** The `require` a stored validator runs with: ajv's runtime helpers, and the suite's formats and pattern engine. */
function requireOfStored(id: string): unknown {
  if (id === STANDALONE_FORMATS_MODULE) return standaloneFormats();
  if (id === STANDALONE_PATTERN_MODULE) return standalonePattern;
  if (!id.startsWith('ajv/dist/runtime/') && !id.startsWith('ajv-formats/dist/')) throw new Error(`a stored validator requires ${id}`);
  return require(id);
}

function readStored<T>(file: string): StoredValidator<T> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const module: { exports: { quirks?: string[] } & ValidateFunction<T> } = { exports: undefined as never };
    // Code ajv generated from the schema (as `compile` would run it), not input: the file name is its hash.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- ajv's standalone code is a CommonJS module body
    new Function('require', 'module', 'exports', text)(requireOfStored, module, {});
    const validate = module.exports;
    return typeof validate === 'function' ? { validate, quirks: validate.quirks ?? [] } : undefined;
  } catch {
    // A damaged file is compiled again (and rewritten).
    return undefined;
  }
}

function writeStored(dir: string, file: string, ajv: Ajv2020, validate: AnyValidateFunction, quirks: readonly string[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, fn: AnyValidateFunction) => string }).default;
    const code = `${standaloneCode(ajv, validate)}\nmodule.exports.quirks = ${JSON.stringify(quirks)};\n`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, code, 'utf8');
    renameSync(temporary, file);
  } catch (cause) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
    // The build must write every validator; a cache that cannot be written is only slower.
    if (generatingInto !== undefined) throw cause;
  }
}

/**
 * The validator of a schema: the one `npm run build` generated, else the one cached by an earlier run,
 * else compiled now by `compile` (and cached). Found by a hash of the schema and flavour, so a changed
 * document never meets an old validator. `compile` returns the ajv instance it used and the quirks it told.
 */
export function standaloneValidator<T>(schema: unknown, flavour: ValidatorFlavour, compile: () => { ajv: Ajv2020; validate: ValidateFunction<T>; quirks: readonly string[] }): StoredValidator<T> {
  const name = `${validatorKey(schema, flavour)}.cjs`;
  const cache = generatingInto ?? validatorCacheDir();
  if (generatingInto === undefined) {
    const found = readStored<T>(join(BUILT, name)) ?? (cache !== undefined ? readStored<T>(join(cache, name)) : undefined);
    if (found) return found;
  }
  const compiled = compile();
  if (cache !== undefined) writeStored(cache, join(cache, name), compiled.ajv, compiled.validate as AnyValidateFunction, compiled.quirks);
  return { validate: compiled.validate, quirks: compiled.quirks };
}

/** The validator of a strict JSON Schema of the suite's own (the config file, the report, a corpus entry). */
export function schemaValidator<T>(schema: object): ValidateFunction<T> {
  return standaloneValidator<T>(schema, 'body', () => {
    const ajv = createAjv([schema]);
    return { ajv, validate: ajv.compile<T>(schema), quirks: [] };
  }).validate;
}
