/** The JSON Schema keywords the suite reads; everything else passes through untouched. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly default?: unknown;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly description?: string;
  readonly 'x-doc-ref'?: string;
  readonly 'x-at-least-one'?: { readonly 'x-doc-ref'?: string };
  readonly [keyword: string]: unknown;
}
