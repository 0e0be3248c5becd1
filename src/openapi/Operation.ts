import type { ConstraintKind } from '../model/Constraint.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { LinkSpec } from './LinkSpec.ts';
import type { SchemaNode } from './SchemaNode.ts';

/**
 * The provenance in force at a node of the document (`x-provenance`, inherited from the enclosing
 * nodes): per catalogue keyword where a node names it, else the default.
 */
export interface ProvenanceScope {
  readonly default: Provenance;
  readonly keywords: Readonly<Partial<Record<ConstraintKind, Provenance>>>;
}

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
  /** How an array value is written (`style`): `form`/`simple` with commas, `spaceDelimited`, `pipeDelimited`. */
  readonly style?: string;
  /** A query parameter may be sent with an empty value (`allowEmptyValue`); otherwise an empty one is not valid. */
  readonly allowEmptyValue?: boolean;
  /** Provenance in force at the parameter object (its schema's nodes may narrow it). */
  readonly provenanceScope: ProvenanceScope;
}

export interface RequestBodySpec {
  readonly required: boolean;
  readonly contentType: string;
  readonly schema: SchemaNode;
  readonly pointer: string;
  readonly source: string;
  readonly examples: readonly unknown[];
  /** Provenance in force at the request body object (its schema's nodes may narrow it). */
  readonly provenanceScope: ProvenanceScope;
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
  /** Where the documented response itself comes from: that this status exists with this media type and body. */
  readonly provenance: Provenance;
  /** Provenance in force at the response object (its schema's nodes may narrow it). */
  readonly provenanceScope: ProvenanceScope;
  /** The operations a client may call next with values of this answer (OpenAPI `links`): followed by the run. */
  readonly links?: readonly LinkSpec[];
}

/** One way to send a credential, from a security scheme. */
export interface CredentialScheme {
  readonly scheme: string;
  /** Header name, lower case. */
  readonly header: string;
  /** Value prefix, e.g. `Bearer ` for HTTP bearer. */
  readonly prefix: string;
  /**
   * Other headers the same security requirement needs at once (a key and a client id, lower case):
   * given with `--header`, and left out with the credential by the cases that send none.
   */
  readonly companions?: readonly string[];
}

/** A response field that must repeat a request value (`x-conformance.echoes`). */
export interface EchoRule {
  readonly status: string;
  readonly pointer: string;
  readonly equals?: { readonly in: 'path' | 'query'; readonly name: string };
  readonly reflects?: { readonly in: 'body'; readonly pointer: string };
  readonly source: string;
  /** The entry's `x-provenance`, else the operation's `x-conformance.provenance.echo`, else `page`. */
  readonly provenance: Provenance;
}

/** Answers that accept an update not yet applied (`x-conformance.pending`): the echo of the update is not judged. */
export interface PendingState {
  /** Status key of the response. */
  readonly status: string;
  /** JSON pointer of the state field in the response body. */
  readonly pointer: string;
  /** Values of that field meaning "accepted, not applied yet". */
  readonly values: readonly string[];
}

/** Operation-level hints of the `x-conformance` extension. */
export interface OperationHints {
  readonly constraintPrefix: string;
  readonly mutating: boolean;
  /**
   * `x-conformance.idempotent`: the document says whether sending the request twice does what sending it
   * once does; absent, the method says (RFC 9110 §9.2.2).
   */
  readonly idempotent?: boolean;
  readonly notFoundStatuses: readonly string[];
  /** Statuses a valid request may get because of the resource's state (e.g. an upgrade already running). */
  readonly stateConflictStatuses: readonly string[];
  readonly resourceParameter?: string;
  /** The path parameter naming the owner the resource is scoped under (Huawei `project_id`), if any. */
  readonly ownerParameter?: string;
  readonly echoes: readonly EchoRule[];
  /** Per check name, where its rule comes from for this operation (`x-conformance.provenance`). */
  readonly checkProvenance: Readonly<Record<string, Provenance>>;
  /**
   * Per status class (`"2XX"`..`"5XX"`), how an answer with a status the document does not list is
   * judged (`x-conformance.undocumentedStatuses`); a class not named here is `page`.
   */
  readonly undocumentedStatusProvenance: Readonly<Record<string, Provenance>>;
  readonly pending?: PendingState;
  /** `x-conformance.errors`: where an answer lists its errors; a 2xx that lists some contradicts itself. */
  readonly errorsPointer?: string;
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
  /** Provenance in force at the operation object: the auth rule's, and what its parts inherit. */
  readonly provenanceScope: ProvenanceScope;
  /**
   * Its schemas are read as JSON Schema reads them, quirks told rather than refused (a document given
   * with `--spec`); absent or false, strict mode refuses them (the shipped documents).
   */
  readonly lenientSchemas?: boolean;
}
