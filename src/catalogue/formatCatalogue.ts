import Table from 'cli-table3';
import type { Constraint } from '../model/Constraint.ts';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join(' | ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The catalogue as one readable table per operation. */
export function formatCatalogue(constraints: readonly Constraint[], width = process.stdout.columns ?? 160): string {
  const byOperation = new Map<string, Constraint[]>();
  for (const c of constraints) byOperation.set(c.operationId, [...(byOperation.get(c.operationId) ?? []), c]);
  const blocks: string[] = [];
  const sourceWidth = Math.max(30, Math.min(70, width - 110));
  for (const [operationId, list] of byOperation) {
    const table = new Table({
      head: ['id', 'where', 'kind', 'value', 'source'],
      colWidths: [52, 10, 11, 30, sourceWidth],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const c of list) table.push([c.id, c.status ? `${c.where} ${c.status}` : c.where, c.kind, show(c.value), c.source]);
    blocks.push(`${operationId} (${list.length} constraints)\n${table.toString()}`);
  }
  return blocks.join('\n\n');
}
