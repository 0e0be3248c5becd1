import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of the sources, read from the files themselves. The core (src/) does not know the
 * mock or the reporters: it defines what they plug into (src/model/RunListener.ts,
 * src/model/EmbeddedTarget.ts). The exceptions are the composition roots, which wire the reporters and
 * the embedded mock into the engine: src/cli (the CLI) and src/index.ts (the programmatic API)
 * (docs/ARCHITECTURE.md says the same).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['src', 'mock', 'reporters', 'contracts'];
const COMPOSITION_ROOTS = ['src/cli', 'src/index'];
// `import x from '…'`, `import type …`, `export … from '…'`, `import '…'` and `import('…')`.
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Edge {
  readonly from: string;
  readonly to: string;
}

function sourceFiles(): string[] {
  return SCANNED.flatMap((dir) => (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f).split('\\').join('/')));
}

/** Relative imports of one file, as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? '';
    if (specifier.startsWith('.'))
      out.push(
        relative(ROOT, resolve(ROOT, dirname(file), specifier))
          .split('\\')
          .join('/'),
      );
  }
  return out;
}

/** The folder a path belongs to: `src/<folder>` (a file at the top of src/ is its own node), else its top folder. */
function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1]}` : `src/${(parts[1] ?? '').replace(/\.ts$/, '')}`;
  return parts[0] ?? path;
}

const edges: Edge[] = sourceFiles().flatMap((from) => importsOf(from).map((to) => ({ from, to })));

/** One cycle of the folder graph, as the folders along it, or undefined when there is none. */
function folderCycle(): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a !== b) next.set(a, new Set([...(next.get(a) ?? []), b]));
  }
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(folder);
    if (at >= 0) return [...path.slice(at), folder];
    if (done.has(folder)) return undefined;
    for (const to of next.get(folder) ?? []) {
      const cycle = visit(to, [...path, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return undefined;
  };
  for (const folder of next.keys()) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the import graph', () => {
  it('is read from the sources (the scan finds the imports it checks)', () => {
    expect(edges.some((e) => e.from === 'src/engine/runConformance.ts' && e.to === 'src/engine/sendLeg.ts')).toBe(true);
    expect(edges.some((e) => e.from === 'src/cli/embeddedMock.ts' && e.to === 'mock/startMockServer.ts')).toBe(true);
    expect(folderOf('src/toolVersion.ts')).toBe('src/toolVersion');
    expect(folderOf('src/index.ts')).toBe('src/index');
  });

  it(`nothing under src/ imports mock/ or reporters/, except ${COMPOSITION_ROOTS.join(' and ')} (the composition roots)`, () => {
    const upward = edges.filter(({ from, to }) => from.startsWith('src/') && !COMPOSITION_ROOTS.includes(folderOf(from)) && ['mock', 'reporters'].includes(folderOf(to)));
    expect(upward.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no cycle between folders (src/<folder>, mock, reporters, contracts)', () => {
    expect(folderCycle()?.join(' -> ')).toBeUndefined();
  });

  it('imports nothing from test/', () => {
    expect(edges.filter((e) => folderOf(e.to) === 'test').map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });
});
