/** A well-formed value of a common string `format`, or `undefined` for a format the planner does not know. */
export function typicalFormatValue(format: string): string | undefined {
  switch (format) {
    case 'uuid':
      return '3f2a6c1e-8b4d-4e5f-9a7b-1c2d3e4f5a6b';
    case 'date-time':
      return '2024-01-02T03:04:05.000Z';
    case 'date':
      return '2024-01-02';
    case 'time':
      return '03:04:05Z';
    case 'email':
      return 'user@example.com';
    case 'hostname':
      return 'example.com';
    case 'ipv4':
      return '192.0.2.1';
    case 'ipv6':
      return '2001:db8::1';
    case 'uri':
    case 'iri':
      return 'https://example.com/';
    default:
      return undefined;
  }
}
