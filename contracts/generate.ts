/** `npm run pacts:generate [outDir]`: regenerates the committed pact files (contracts/pacts/ by default). */
// Set before pact-js loads (hence the dynamic import): the network is closed, no usage telemetry.
process.env['PACT_DO_NOT_TRACK'] = 'true';
const { generateContracts } = await import('./generateContracts.ts');
try {
  const files = await generateContracts(process.argv[2]);
  process.stdout.write(`${files.map((f) => `wrote ${f}`).join('\n')}\n`);
} catch (error) {
  // Pact's message says what did not match; its stack says nothing to the user.
  process.stderr.write(`pacts:generate failed, no pact file was changed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
