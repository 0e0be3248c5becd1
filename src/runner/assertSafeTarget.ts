import { UnsafeTargetError, UsageError } from '../errors/ConformanceError.ts';
import { isLoopback } from './isLoopback.ts';

/**
 * Refuses mutating requests to a non-loopback target unless the user allowed them: an HCX upgrade or a
 * Direct Connect update against a real system is real downtime.
 */
export function assertSafeTarget(baseUrl: string, opts: { mutating: boolean; allowMutations: boolean }): void {
  let origin: string;
  try {
    // The origin only: a URL may carry user:password, which must never be printed.
    origin = new URL(baseUrl).origin;
  } catch {
    throw new UsageError('target is not a valid URL');
  }
  if (opts.mutating && !opts.allowMutations && !isLoopback(baseUrl)) {
    throw new UnsafeTargetError(`refusing to send mutating requests to ${origin} (not loopback); pass --allow-mutations (config file: allowMutations: true) to allow it`);
  }
}
