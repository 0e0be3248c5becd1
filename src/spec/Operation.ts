import type { SchemaNode } from './SchemaNode.ts';

export type ParameterLocation = 'path' | 'query' | 'header';

export interface ParameterSpec {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: SchemaNode;
  /** JSON pointer of the parameter's schema in the dereferenced document. */
  readonly pointer: string;
  /** The value is a credential: never generated at a boundary, always redacted. */
  readonly credential: boolean;
  readonly source: string;
  readonly example?: unknown;
}

export interface RequestBodySpec {
  readonly required: boolean;
  readonly contentType: string;
  readonly schema: SchemaNode;
  readonly pointer: string;
  readonly source: string;
  readonly examples: readonly unknown[];
}

export interface ResponseSpec {
  /** `"200"`, or a range key such as `"4XX"`. */
  readonly status: string;
  readonly description: string;
  /** Media types the response declares; empty when it documents no body. */
  readonly contentTypes: readonly string[];
  readonly schema?: SchemaNode;
  readonly pointer: string;
  readonly source: string;
  readonly examples: readonly unknown[];
}

/** One way to send a credential, from a security scheme. */
export interface CredentialScheme {
  readonly scheme: string;
  /** Header name, lower case. */
  readonly header: string;
  /** Value prefix, e.g. `Bearer ` for HTTP bearer. */
  readonly prefix: string;
}

/** A response field that must repeat a request value (`x-conformance.echoes`). */
export interface EchoRule {
  readonly status: string;
  readonly pointer: string;
  readonly equals?: { readonly in: 'path' | 'query'; readonly name: string };
  readonly reflects?: { readonly in: 'body'; readonly pointer: string };
  readonly source: string;
}

/** Operation-level hints of the `x-conformance` extension. */
export interface OperationHints {
  readonly constraintPrefix: string;
  readonly mutating: boolean;
  readonly notFoundStatuses: readonly string[];
  /** Statuses a valid request may get because of the resource's state (e.g. an upgrade already running). */
  readonly stateConflictStatuses: readonly string[];
  readonly resourceParameter?: string;
  readonly echoes: readonly EchoRule[];
}

export interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly summary: string;
  readonly parameters: readonly ParameterSpec[];
  readonly requestBody?: RequestBodySpec;
  readonly responses: readonly ResponseSpec[];
  /** Alternatives: any one of them authenticates. Empty when the operation needs no credential. */
  readonly credentialSchemes: readonly CredentialScheme[];
  readonly securitySource: string;
  readonly hints: OperationHints;
  readonly pointer: string;
}
