#!/usr/bin/env node
// `npm run build` (also `prepare`): compiles the sources to dist/ and copies beside them the files the
// compiled code reads relative to itself (the OpenAPI documents, the pacts, the HTML report's style, its
// bundled script and the version), so dist/ runs as the sources do; then generates the validators of the
// shipped documents and schemas (ajv standalone code, dist/validators/), so the installed command compiles
// no schema. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// tsc has printed its errors; a stack trace of this script would add nothing.
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const copy = (from, to = from) => cpSync(join(root, from), join(dist, to), { recursive: true });
copy('schemas');
copy('contracts/pacts');
copy('reporters/html/style.css');
// The HTML report's script: client.ts and the report modules it shares, bundled into one classic script.
const { bundleClientScript } = await import(pathToFileURL(join(dist, 'reporters/html/clientScript.js')).href);
writeFileSync(join(dist, 'reporters/html/client.js'), bundleClientScript(join(root, 'reporters/html/client.ts')));
// src/toolVersion.ts reads `../package.json`: from dist/src that is this file, not the package's.
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'module', version }, null, 2)}\n`);

// Every validator the compiled code makes for the shipped documents and its own schemas is written, under
// the hash of its schema, to dist/validators/ (src/validation/standaloneValidator.ts reads them from there).
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { generateValidatorsInto, schemaValidator } = await load('src/validation/standaloneValidator.js');
const { OperationValidators } = await load('src/validation/OperationValidators.js');
const { loadSpecs } = await load('src/openapi/loadSpecs.js');
const { ENTRY_SCHEMA } = await load('src/regression/loadCorpus.js');
generateValidatorsInto(join(dist, 'validators'));
for (const spec of await loadSpecs([])) for (const operation of spec.operations) new OperationValidators(operation);
for (const schema of ['src/config/config.schema.json', 'src/model/report.schema.json']) schemaValidator(JSON.parse(readFileSync(join(dist, schema), 'utf8')));
schemaValidator(ENTRY_SCHEMA);
generateValidatorsInto(undefined);
