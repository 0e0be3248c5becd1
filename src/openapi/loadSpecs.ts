import { loadSpec } from './loadSpec.ts';
import { defaultSpecFiles } from './defaultSpecFiles.ts';
import type { Spec } from './Spec.ts';

/** Loads the given documents, or the shipped ones when none is given. */
export async function loadSpecs(files: readonly string[] = []): Promise<Spec[]> {
  if (files.length > 0) return Promise.all(files.map((f) => loadSpec(f)));
  return Promise.all(defaultSpecFiles().map((f) => loadSpec(f, { shipped: true })));
}
