import type { Command } from 'commander';
import { buildCatalogue } from '../../catalogue/buildCatalogue.ts';
import { formatCatalogue } from '../../catalogue/formatCatalogue.ts';
import { loadSpecs } from '../../openapi/loadSpecs.ts';
import { collect } from '../collect.ts';

/** `conformance constraints [--spec PATH]... [--json]`: prints the constraint catalogue. */
export function constraintsCommand(program: Command, write: (text: string) => void): void {
  program
    .command('constraints')
    .description('print every documented constraint of every operation, with its source and provenance')
    .option('--spec <path>', 'OpenAPI 3.1 document (repeatable; default: the shipped schemas)', collect, [])
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { spec: string[]; json?: boolean }) => {
      const specs = await loadSpecs(options.spec);
      const catalogue = specs.flatMap(buildCatalogue);
      write(options.json ? `${JSON.stringify(catalogue, null, 2)}\n` : `${formatCatalogue(catalogue)}\n`);
    });
}
