import type { OpenAPIV3_1 } from 'openapi-types';
import type { Operation } from './Operation.ts';

/** A loaded, validated and dereferenced OpenAPI document with its operations extracted. */
export interface Spec {
  readonly file: string;
  readonly title: string;
  readonly document: OpenAPIV3_1.Document;
  readonly operations: readonly Operation[];
}
