import { loadSpec } from './loadSpec.ts';
import { defaultSpecFiles } from './defaultSpecFiles.ts';
import type { Spec } from './Spec.ts';

/** Loads the given documents, or the shipped ones when none is given. */
export async function loadSpecs(files: readonly string[] = []): Promise<Spec[]> {
  const list = files.length > 0 ? files : defaultSpecFiles();
  return Promise.all(list.map((f) => loadSpec(f)));
}
