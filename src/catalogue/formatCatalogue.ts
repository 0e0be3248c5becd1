import Table from 'cli-table3';
import type { Constraint } from '../model/Constraint.ts';
import type { Provenance } from '../model/Provenance.ts';
import { jsonText } from '../openapi/jsonText.ts';

/** Four letters keep the column narrow; the legend under the tables spells them out. */
const SHORT: Readonly<Record<Provenance, string>> = { page: 'page', reading: 'read', convention: 'conv', robustness: 'robu' };
const LEGEND = 'prov: page = stated on the vendor page, read = reading,\nconv = convention, robu = robustness (the reasons: schemas/README.md)';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join(' | ');
  return jsonText(value);
}

/** A cell whose token is wider than its column (a pattern, a path in a source) is wrapped mid-token rather than cut off. */
function wrapped(text: string, width: number): { content: string; wrapOnWordBoundary: boolean } {
  return { content: text, wrapOnWordBoundary: !text.split(' ').some((token) => token.length > width - 2) };
}

/** A narrow terminal gets one entry per constraint: the id and provenance, then where, value and source. */
function asList(operationId: string, list: readonly Constraint[], width: number): string {
  const lines = [`${operationId} (${list.length} constraints)`];
  for (const c of list) {
    lines.push(`${c.id}  [${SHORT[c.provenance]}]`);
    const detail = `${c.status ? `${c.where} ${c.status}` : c.where} · ${c.kind} = ${show(c.value)} · ${c.source}`;
    // Wrapped at spaces under a four-space indent; a long token (a pattern) stays whole.
    let line = '   ';
    for (const word of detail.split(' ')) {
      if (line.length + 1 + word.length > width && line.trim() !== '') {
        lines.push(line);
        line = '   ';
      }
      line += ` ${word}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The catalogue as one readable table per operation (a list on a terminal narrower than a table). */
export function formatCatalogue(constraints: readonly Constraint[], width = process.stdout.columns ?? (Number(process.env['COLUMNS']) || 160)): string {
  const byOperation = new Map<string, Constraint[]>();
  for (const c of constraints) byOperation.set(c.operationId, [...(byOperation.get(c.operationId) ?? []), c]);
  if (width < 140) return `${[...byOperation].map(([operationId, list]) => asList(operationId, list, width)).join('\n\n')}\n${LEGEND}`;
  const blocks: string[] = [];
  // Ids are never cut: users copy them into config and filters.
  const idWidth = Math.max(20, ...constraints.map((c) => c.id.length)) + 2;
  const kindWidth = Math.max(4, ...constraints.map((c) => c.kind.length)) + 2;
  const valueWidth = 30;
  const provWidth = 6;
  const sourceWidth = Math.max(30, Math.min(70, width - idWidth - kindWidth - valueWidth - provWidth - 17));
  for (const [operationId, list] of byOperation) {
    const table = new Table({
      head: ['id', 'where', 'kind', 'prov', 'value', 'source'],
      colWidths: [idWidth, 10, kindWidth, provWidth, valueWidth, sourceWidth],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const c of list) {
      table.push([c.id, c.status ? `${c.where} ${c.status}` : c.where, c.kind, SHORT[c.provenance], wrapped(show(c.value), valueWidth), wrapped(c.source, sourceWidth)]);
    }
    blocks.push(`${operationId} (${list.length} constraints)\n${table.toString()}`);
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n${LEGEND}`;
}
