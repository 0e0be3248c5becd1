/**
 * Turns an OpenAPI path template (`/a/{id}/b`) into a matcher; each parameter matches one non-empty
 * segment. The pattern is anchored at both ends; `source` (unanchored) lets a caller match the template
 * at the end of a longer path (a base URL with a prefix).
 */
export function compilePathTemplate(template: string): { pattern: RegExp; source: string; parameterNames: string[] } {
  const parameterNames: string[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(/\{([^}]+)\}/g)) {
    source += escape(template.slice(last, match.index));
    source += '([^/]+)';
    parameterNames.push(match[1]!);
    last = match.index + match[0].length;
  }
  source += escape(template.slice(last));
  return { pattern: new RegExp(`^${source}$`), source, parameterNames };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
