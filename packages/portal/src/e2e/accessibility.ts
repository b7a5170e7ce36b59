import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core on a page: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail a test; minor and moderate findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** How many offending elements of one rule the report lists before summing up the rest. */
const NODES_LISTED = 5;

export interface AccessibilityReport {
  /** Violations of impact serious or critical. */
  failing: Result[];
  /** Every violation, whatever its impact. */
  all: Result[];
}

export async function checkAccessibility(page: Page): Promise<AccessibilityReport> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze();
  return {
    failing: results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? '')),
    all: results.violations,
  };
}

/** One violation as lines a person can act on: rule, impact, what to do, where, and the rule's help page. */
export function describeViolation(v: Result): string {
  const nodes = v.nodes.slice(0, NODES_LISTED).map((n) => `    at ${n.target.join(' >>> ')}`);
  if (v.nodes.length > NODES_LISTED) nodes.push(`    … and ${v.nodes.length - NODES_LISTED} more`);
  return [`- ${v.id} [${v.impact}]: ${v.help}`, ...nodes, `    ${v.helpUrl}`].join('\n');
}

/** Fails with a readable list when the page has any serious or critical WCAG 2.1 A/AA violation. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { failing } = await checkAccessibility(page);
  if (failing.length === 0) return;
  throw new Error(
    `${what} (${page.url()}): ${failing.length} serious or critical accessibility ` +
      `violation${failing.length === 1 ? '' : 's'} (axe-core, WCAG 2.1 A/AA):\n` +
      failing.map(describeViolation).join('\n'),
  );
}
