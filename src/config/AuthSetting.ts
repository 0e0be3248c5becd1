/**
 * A login of a config file's `auth:` section, per document (or operationId). Strings may name
 * environment variables as `${NAME}`; a preset's `password` must be one, so no password is written
 * into a file.
 */
export type AuthSetting = HcxLogin | IamLogin | GenericLogin;

/** HCX: `POST /hybridity/api/sessions` with `{ username, password }`; the token is the `x-hm-authorization` header of the answer. */
export interface HcxLogin {
  readonly hcx: {
    readonly username: string;
    readonly password: string;
    /** Default: `/hybridity/api/sessions` on the document's target. */
    readonly url?: string;
  };
}

/** Huawei IAM: the token API (`POST /v3/auth/tokens`) with password authentication; the token is the `X-Subject-Token` header. */
export interface IamLogin {
  readonly iam: {
    /** The region's IAM endpoint, e.g. `https://iam.ap-southeast-1.myhuaweicloud.com/v3/auth/tokens` (or a path on the target). */
    readonly url: string;
    readonly username: string;
    readonly password: string;
    /** The account (domain) name the IAM user belongs to. */
    readonly domain: string;
    /** The token's scope: a project by name (a region name such as `ap-southeast-1`) or by id. */
    readonly project: { readonly name: string } | { readonly id: string };
  };
}

/** Any login: one request, and where its answer carries the token. */
export interface GenericLogin {
  readonly login: {
    /** Default POST. */
    readonly method?: string;
    /** Absolute, or a path on the document's target. */
    readonly url: string;
    readonly headers?: Readonly<Record<string, string>>;
    /** A JSON value (sent as JSON) or a text (sent as given, with `headers`' content type). */
    readonly body?: unknown;
    /** Where the answer carries the token: a response header, or a JSON pointer into the body. */
    readonly token: { readonly header: string } | { readonly pointer: string };
    /** The header that carries the token on later requests (default: the document's first security scheme's). */
    readonly header?: string;
    /** Put before the token in that header, e.g. `Bearer ` (default: that scheme's). */
    readonly prefix?: string;
  };
}
