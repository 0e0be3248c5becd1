import type { Command } from 'commander';
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
      const { buildCatalogue } = await import('../../catalogue/buildCatalogue.ts');
      const { formatCatalogue } = await import('../../catalogue/formatCatalogue.ts');
      const { loadSpecs } = await import('../../openapi/loadSpecs.ts');
      const { validatorsFor } = await import('../../validation/validatorsFor.ts');
      const specs = await loadSpecs(options.spec);
      const catalogue = specs.flatMap(buildCatalogue);
      // The values tried are generated (fast-check) only for the outputs that show them.
      const triedValues = async () => {
        const { valuesTried } = await import('../../plan/valuesTried.ts');
        return new Map(
          specs.flatMap((spec) =>
            spec.operations.flatMap((o) => [
              ...valuesTried(
                o,
                catalogue.filter((c) => c.operationId === o.operationId),
                validatorsFor(o),
              ),
            ]),
          ),
        );
      };
      if (options.json) {
        const tried = await triedValues();
        const entries = catalogue.map((c) => ({ ...c, ...(tried.has(c.id) ? { tried: tried.get(c.id) } : {}) }));
        write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      write(`${formatCatalogue(catalogue)}\n`);
      if (options.values) {
        const { formatValuesTried } = await import('../../catalogue/formatValuesTried.ts');
        write(`${formatValuesTried(catalogue, await triedValues())}\n`);
      }
      // What was read leniently or left out: a document's quirks are told, never a refusal.
      const warnings = specs.flatMap((spec) => [...spec.warnings, ...spec.operations.flatMap((o) => [...validatorsFor(o).quirks])]);
      if (warnings.length > 0) write(`Warnings (${warnings.length}):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
    });
}
