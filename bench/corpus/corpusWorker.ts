import { dryRunDocument } from './dryRunDocument.ts';

/** One document per process, so a hang is ended by its deadline and a crash stays the document's own. */
const outcome = await dryRunDocument(process.argv[2]!);
process.stdout.write(`\n${JSON.stringify(outcome)}\n`);
