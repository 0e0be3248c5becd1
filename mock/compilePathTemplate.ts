/** Turns an OpenAPI path template (`/a/{id}/b`) into a matcher; each parameter matches one segment. */
export function compilePathTemplate(template: string): { pattern: RegExp; parameterNames: string[] } {
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
  return { pattern: new RegExp(`^${source}$`), parameterNames };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
