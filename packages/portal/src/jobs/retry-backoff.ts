/**
 * Exponential back-off between attempts: the first retry waits `retryDelaySeconds`,
 * each further one twice the one before (the exponent is capped at 16, as pg-boss caps it).
 */
export function retryDelaySecondsAfter(retryDelaySeconds: number, failedAttempt: number): number {
  if (retryDelaySeconds <= 0) return 0;
  return retryDelaySeconds * 2 ** Math.min(16, Math.max(0, failedAttempt - 1));
}
