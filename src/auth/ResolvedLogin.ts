/** A login of `auth:` with its environment read: the request to send, where the token comes back, and what to hide. */
export interface ResolvedLogin {
  /** The `auth:` key: a document name or an operationId. */
  readonly key: string;
  /** The preset it comes from, or the generic form. */
  readonly kind: 'hcx' | 'iam' | 'login';
  /** How error lines name it: `auth.huawei-dc (iam)`. */
  readonly label: string;
  readonly method: string;
  /** Absolute, or a path taken on the target of the operations it serves. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Where the answer carries the token. */
  readonly token: { readonly header: string } | { readonly pointer: string };
  /** The header (and prefix) that carries it on later requests; absent: the document's first security scheme. */
  readonly carrier?: { readonly header?: string; readonly prefix?: string };
  /** The password and every other value the login took from the environment as a secret: scrubbed from every output. */
  readonly secrets: readonly string[];
  /** The user it logs in as (a preset's), so an embedded mock can accept exactly this login. */
  readonly user?: { readonly username: string; readonly password: string; readonly domain?: string };
}
