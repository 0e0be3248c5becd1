import { compilePathTemplate } from '../../../src/openapi/compilePathTemplate.ts';
import { MutantCrash, type HooksOf, type Mutant, type OperatorFamily, mutantOf } from '../Mutant.ts';

/** An id a server that expects its own id shape trips on: a character outside letters, digits and `-`. */
const UNEXPECTED = /[^0-9A-Za-z-]/u;

/** A path value longer than this overflows the buffer of a server that copies ids into a fixed one. */
const BUFFER = 1024;

/** A path with its dot-segments resolved (RFC 3986 §5.2.4), as a server that normalises before it routes does. */
function withoutDotSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (out.length > 1) out.pop();
    } else if (segment !== '.') out.push(segment);
  }
  return out.join('/');
}

/**
 * How a path's parameters come out of a server that decodes them before it routes: the path written
 * again with the decoded values (a `%2F` now a separator, `%2E%2E` a dot-segment, a `%3F` the query's
 * start), resolved, and matched to the template again; values that no longer fit it are kept as they were
 * (the request names nothing either way).
 */
function reroute(template: string, cut: (path: string) => string): (decoded: Readonly<Record<string, string>>) => Readonly<Record<string, string>> {
  const { pattern, parameterNames } = compilePathTemplate(template);
  return (decoded) => {
    const path = cut(template.replace(/\{([^}]+)\}/g, (_, name: string) => decoded[name] ?? ''));
    const match = pattern.exec(path);
    return match ? Object.fromEntries(parameterNames.map((name, i) => [name, match[i + 1]!])) : decoded;
  };
}

/**
 * Path values: for every path parameter, a server that reads its ids carelessly before it validates
 * them: a 500 for an id with a character outside letters, digits and `-`, for an empty segment (only for
 * a parameter with more path after it, where an empty value is sent), for an id over 1024 characters;
 * and, per operation, a server that decodes `%2F` and dot-segments, or `%3F` (where the path ends in a
 * parameter), before it routes, so an odd id reaches another resource. Read from the path template only.
 */
export const pathValueMutants: OperatorFamily = ({ operation }) => {
  const prefix = operation.hints.constraintPrefix;
  const template = operation.pathTemplate;
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return [];
  const last = template.match(/\{([^}]+)\}\/?$/)?.[1];
  const out: Mutant[] = [];
  const add = (operator: string, target: string, description: string, hooks: HooksOf): void => {
    out.push(mutantOf({ family: 'path', operator, operationId: operation.operationId, target, description, hooks }));
  };
  const crashOn = (name: string, when: (value: string) => boolean): HooksOf => ({
    readPathParams: (decoded) => {
      if (when(decoded[name] ?? '')) throw new MutantCrash(`unexpected ${name}`);
      return decoded;
    },
  });
  for (const name of names) {
    const target = `${prefix}.path.${name}`;
    add(
      '5xx-on-unexpected-shape',
      target,
      `a ${name} with a character outside letters, digits and "-" answered 500 before it is validated`,
      crashOn(name, (v) => UNEXPECTED.test(v)),
    );
    if (name !== last)
      add(
        '5xx-on-empty',
        target,
        `an empty ${name} segment answered 500`,
        crashOn(name, (v) => v === ''),
      );
    add(
      '5xx-on-overlong',
      target,
      `a ${name} over ${BUFFER} characters answered 500 (a fixed-size buffer)`,
      crashOn(name, (v) => v.length > BUFFER),
    );
  }
  add('decoded-separator', prefix, 'path values decoded before routing: a %2F is a separator, %2E%2E a dot-segment, so an odd id reaches another resource', {
    readPathParams: reroute(template, withoutDotSegments),
  });
  // Only where the path ends in a parameter: elsewhere the path cut at the query names no route at all.
  if (last !== undefined) {
    add('decoded-query', prefix, `path values decoded before routing: a %3F starts the query, so a ${last} followed by %3F is that ${last}`, {
      readPathParams: reroute(template, (path) => path.replace(/\?.*$/s, '')),
    });
  }
  return out;
};
