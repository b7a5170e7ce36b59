import type { CheckContext } from './check-context.ts';

/** QUALITY.md: every check answers with one of these. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not_applicable' | 'error';

/** What to do about a result, for agency officers (zh-TW) and everyone else (English). */
export interface Fix {
  zh: string;
  en: string;
}

export interface CheckResult {
  status: CheckStatus;
  /** What the check measured, machine-readable; shown to people as the reason. */
  evidence: Record<string, unknown>;
  fix?: Fix;
}

/** A file resource (資料檔案) or a SERVICES/API resource (API服務). */
export type ResourceKind = 'file' | 'api';

/**
 * One named, versioned check (QUALITY.md §1). The id is stable (badge rules and stored
 * results use it); bump the version whenever the verdict for the same input can change.
 */
export interface ResourceCheck {
  id: string;
  version: number;
  appliesTo: readonly ResourceKind[];
  /** 可取得性 availability, 易於被處理 processable, 易於理解 understandable, … */
  dimension: 'availability' | 'processable' | 'understandable' | 'standards' | 'beyond';
  run(ctx: CheckContext): CheckResult | Promise<CheckResult>;
}

export const pass = (evidence: Record<string, unknown> = {}): CheckResult => ({ status: 'pass', evidence });
export const notApplicable = (reason: string, evidence: Record<string, unknown> = {}): CheckResult => ({
  status: 'not_applicable',
  evidence: { reason, ...evidence },
});
export const fail = (evidence: Record<string, unknown>, fix: Fix): CheckResult => ({
  status: 'fail',
  evidence,
  fix,
});
export const warn = (evidence: Record<string, unknown>, fix: Fix): CheckResult => ({
  status: 'warn',
  evidence,
  fix,
});
