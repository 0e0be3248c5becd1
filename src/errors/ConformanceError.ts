/**
 * Errors about the tool or its environment (never about the API under test: those are findings).
 * Each subclass carries a stable `code`; the CLI maps every code to one line and an exit code.
 */
export type ErrorCode =
  | 'CONF_ERR_USAGE'
  | 'CONF_ERR_CONFIG'
  | 'CONF_ERR_SPEC_INVALID'
  | 'CONF_ERR_SPEC_NOT_FOUND'
  | 'CONF_ERR_SCHEMA_COMPILE'
  | 'CONF_ERR_TARGET_UNREACHABLE'
  | 'CONF_ERR_UNSAFE_TARGET'
  | 'CONF_ERR_BUDGET'
  | 'CONF_ERR_REPORT_WRITE'
  | 'CONF_ERR_PACT'
  | 'CONF_ERR_LOGIN'
  | 'CONF_ERR_INTERRUPTED'
  | 'CONF_ERR_INTERNAL';

export class ConformanceError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class UsageError extends ConformanceError {
  constructor(message: string) {
    super('CONF_ERR_USAGE', message);
  }
}

export class ConfigError extends ConformanceError {
  constructor(message: string) {
    super('CONF_ERR_CONFIG', message);
  }
}

export class SpecError extends ConformanceError {
  constructor(code: 'CONF_ERR_SPEC_INVALID' | 'CONF_ERR_SPEC_NOT_FOUND' | 'CONF_ERR_SCHEMA_COMPILE', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export class TargetUnreachableError extends ConformanceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONF_ERR_TARGET_UNREACHABLE', message, options);
  }
}

export class UnsafeTargetError extends ConformanceError {
  constructor(message: string) {
    super('CONF_ERR_UNSAFE_TARGET', message);
  }
}

export class ReportWriteError extends ConformanceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONF_ERR_REPORT_WRITE', message, options);
  }
}

export class PactError extends ConformanceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONF_ERR_PACT', message, options);
  }
}

/** A login of the config file's `auth:` failed: the run stops before anything else is sent. Never carries a password or token. */
export class LoginError extends ConformanceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONF_ERR_LOGIN', message, options);
  }
}
