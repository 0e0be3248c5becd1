/** One reason a value does not validate, as ajv reports it: its keyword, params and locations. */
export interface ValidationIssue {
  /** `path`, `query`, `header`, `body` or `response`. */
  readonly where: string;
  /** Instance pointer, prefixed with the parameter name for parameters. */
  readonly at: string;
  /** The ajv keyword (`maximum`, `required`, `anyOf`, ...), or `json` for a body that does not parse. */
  readonly keyword: string;
  /** ajv's structured params (`missingProperty`, `limit`, `allowedValues`, `additionalProperty`, ...). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The ajv schema path of the failing keyword (`#/properties/a/anyOf/0/required`). */
  readonly schemaPath: string;
  /** ajv's English message: shown to people, never parsed. */
  readonly message: string;
}
