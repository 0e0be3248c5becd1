import type { Command } from 'commander';
import { buildCatalogue } from '../../catalogue/buildCatalogue.ts';
import { formatCatalogue } from '../../catalogue/formatCatalogue.ts';
import { loadSpecs } from '../../openapi/loadSpecs.ts';
import { valuesTried } from '../../plan/valuesTried.ts';
import { validatorsFor } from '../../validation/validatorsFor.ts';
import { formatValuesTried } from '../../catalogue/formatValuesTried.ts';
import { parseSpec } from '../parseFlags.ts';

/** `conformance constraints [--spec PATH]... [--json] [--values]`: prints the constraint catalogue. */
export function constraintsCommand(program: Command, write: (text: string) => void): void {
  program
    .command('constraints')
    .description('print every documented constraint of every operation, with its source and provenance')
    .option('--spec <path>', 'OpenAPI 3.1 or 3.0 document (repeatable; default: the shipped schemas)', (v, p: string[]) => parseSpec(v, p), [])
    .option('--json', 'print JSON instead of a table (with the values each rule is tried with)')
    .option('--values', 'also list, per request constraint, the values a run sends at its edges and to break it, and the odd shapes of each path id')
    .action(async (options: { spec: string[]; json?: boolean; values?: boolean }) => {
      const specs = await loadSpecs(options.spec);
      const catalogue = specs.flatMap(buildCatalogue);
      const tried = new Map(specs.flatMap((spec) => spec.operations.flatMap((o) => [...valuesTried(o, catalogue.filter((c) => c.operationId === o.operationId), validatorsFor(o))])));
      if (options.json) {
        const entries = catalogue.map((c) => ({ ...c, ...(tried.has(c.id) ? { tried: tried.get(c.id) } : {}) }));
        write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      write(`${formatCatalogue(catalogue)}\n`);
      if (options.values) write(`${formatValuesTried(catalogue, tried)}\n`);
      // What was read leniently or left out: a document's quirks are told, never a refusal.
      const warnings = specs.flatMap((spec) => [...spec.warnings, ...spec.operations.flatMap((o) => [...validatorsFor(o).quirks])]);
      if (warnings.length > 0) write(`Warnings (${warnings.length}):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
    });
}
