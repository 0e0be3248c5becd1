import type { OpenAPIV3_1 } from 'openapi-types';
import type { Operation } from './Operation.ts';

/** A loaded, validated and dereferenced OpenAPI document with its operations extracted. */
export interface Spec {
  readonly file: string;
  readonly title: string;
  readonly document: OpenAPIV3_1.Document;
  readonly operations: readonly Operation[];
  /**
   * What the suite read leniently or left out (operations it cannot test, 3.0 keywords in a 3.1
   * document), one line each naming the document: shown, never a refusal.
   */
  readonly warnings: readonly string[];
}
