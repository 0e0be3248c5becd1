/** `npm run pacts:generate [outDir]`: regenerates the committed pact files (contracts/pacts/ by default). */
// Set before pact-js loads (hence the dynamic import): the network is closed, no usage telemetry.
process.env['PACT_DO_NOT_TRACK'] = 'true';
const { generateContracts } = await import('./generateContracts.ts');
const files = await generateContracts(process.argv[2]);
process.stdout.write(`${files.map((f) => `wrote ${f}`).join('\n')}\n`);
