import { ALL_CHECKS } from './all-checks.ts';
import type { CheckResult, ResourceCheck } from './check.ts';
import type { CheckContext } from './check-context.ts';

export interface RecordedResult extends CheckResult {
  version: number;
}

/**
 * Runs every check that applies to the resource's kind. A check that throws is recorded
 * as `error` with the message (a bug in a check never hides the other results).
 */
export async function runChecks(
  ctx: CheckContext,
  checks: readonly ResourceCheck[] = ALL_CHECKS,
): Promise<Record<string, RecordedResult>> {
  const results: Record<string, RecordedResult> = {};
  for (const check of checks) {
    if (!check.appliesTo.includes(ctx.declared.kind)) continue;
    try {
      results[check.id] = { ...(await check.run(ctx)), version: check.version };
    } catch (error) {
      results[check.id] = {
        status: 'error',
        evidence: { message: error instanceof Error ? error.message : String(error) },
        version: check.version,
      };
    }
  }
  return results;
}
