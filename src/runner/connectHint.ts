/** Certificate errors that mean "signed by no CA this process trusts" (OpenSSL's codes, as Node reports them). */
const UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

/**
 * What to do about a failed connection or TLS handshake, for the common mistakes: https to a server that
 * speaks plain HTTP (OpenSSL reads its HTTP answer as a record of a wrong TLS version), a certificate
 * signed by no trusted CA. `origin` is `host:port` as the user wrote it. Undefined when there is no advice.
 */
export function connectHint(code: string | undefined, message: string, origin: string): string | undefined {
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long|http request/i.test(message)) {
    return `the server speaks plain HTTP: use http://${origin}`;
  }
  if (code !== undefined && UNTRUSTED.has(code)) {
    return "the server's certificate is signed by no CA this machine trusts (self-signed?): give that CA with --ca-file FILE, or --insecure to skip the check";
  }
  return undefined;
}
