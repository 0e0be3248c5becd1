import { describeValue } from './describeValue.ts';
import type { ResponseViolation } from './mapResponseIssues.ts';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function list(value: unknown): string {
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  return items.map((v) => (typeof v === 'string' ? v : describeValue(v))).join(', ');
}

/** One line about one violation: `hosted_connect.vlan = 4000 exceeds maximum 3999`. */
export function describeViolation({ constraint, path, actual, issue }: ResponseViolation): string {
  const name = path === '' ? 'the body' : path;
  const shown = `${name} = ${describeValue(actual)}`;
  const length = typeof actual === 'string' ? [...actual].length : undefined;
  if (!constraint) return `${name}: ${issue.message}${path === '' ? '' : ` (got ${describeValue(actual)})`}`;
  const limit = constraint.value;
  switch (constraint.kind) {
    case 'required':
      return `${name} is missing (required)`;
    case 'type':
      return `${shown} is ${typeName(actual)}, not ${list(limit)}`;
    case 'maximum':
      return `${shown} exceeds maximum ${describeValue(limit)}`;
    case 'minimum':
      return `${shown} is below minimum ${describeValue(limit)}`;
    case 'maxLength':
      return `${shown} has ${length} characters, more than maxLength ${describeValue(limit)}`;
    case 'minLength':
      return `${shown} has ${length} characters, fewer than minLength ${describeValue(limit)}`;
    case 'enum':
      return `${shown} is not one of ${list(limit)}`;
    case 'pattern':
      return `${shown} does not match pattern ${String(limit)}`;
    case 'format':
      return `${shown} is not a valid ${String(limit)}`;
    case 'atLeastOne':
      return `${name} has none of ${list(limit)}`;
    default:
      return `${name}: ${issue.message}`;
  }
}
