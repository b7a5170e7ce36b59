import { Command, Option } from 'commander';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BADGE_LABELS_ZH, BADGE_LEVELS, type Badge } from './badge/badge-rules.ts';
import type { DeclaredResource } from './checks/check-context.ts';
import { HostLimiter } from './fetch/index.ts';
import { inspectResource, type Inspection } from './inspect/inspect-resource.ts';
import { declaredFromRecord, findDistribution } from './metadata/declared-resource.ts';

interface CheckCliOptions {
  format?: string;
  encoding?: string;
  type?: 'rawData' | 'SERVICES';
  oas?: string;
  fields?: string;
  metadata?: string;
  allowHost: string[];
  json: boolean;
  lang: 'zh' | 'en';
  minBadge?: Badge;
  maxBytes: number;
}

/** The `--json` shape other tools rely on (the contract). */
export function checkJson(inspection: Inspection, lang: 'zh' | 'en') {
  return {
    badge: inspection.badge,
    checks: Object.fromEntries(
      Object.entries(inspection.results).map(([id, r]) => [
        id,
        { status: r.status, evidence: r.evidence, ...(r.fix ? { fix: r.fix[lang] } : {}) },
      ]),
    ),
  };
}

const MARK: Record<string, string> = { pass: '✓', fail: '✗', warn: '!', not_applicable: '-', error: '?' };

function humanReport(target: string, inspection: Inspection, lang: 'zh' | 'en'): string {
  const lines = [`${target}`, `badge: ${inspection.badge} (${BADGE_LABELS_ZH[inspection.badge]})`];
  for (const [id, r] of Object.entries(inspection.results)) {
    const reason = typeof r.evidence['reason'] === 'string' ? ` — ${r.evidence['reason']}` : '';
    lines.push(`  ${MARK[r.status] ?? '?'} ${id.padEnd(21)} ${r.status}${reason}`);
    if (r.fix && r.status !== 'pass') lines.push(`      ${r.fix[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}

const RANK: Record<Badge, number> = { none: 0, bronze: 1, silver: 2, gold: 3, platinum: 4 };

async function declaredFor(
  target: string,
  options: CheckCliOptions,
): Promise<{ declared: DeclaredResource; metadata?: Record<string, unknown> }> {
  let metadata: Record<string, unknown> | undefined;
  let declared: DeclaredResource = { kind: 'file' };
  if (options.metadata) {
    metadata = JSON.parse(await readFile(options.metadata, 'utf8')) as Record<string, unknown>;
    declared = declaredFromRecord(metadata, findDistribution(metadata, target));
  }
  return {
    declared: {
      ...declared,
      ...(options.type ? { kind: options.type === 'SERVICES' ? 'api' : 'file' } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.oas ? { oasUrl: options.oas } : {}),
      ...(options.fields ? { fields: options.fields.split(',').map((name) => ({ name: name.trim() })) } : {}),
    },
    ...(metadata ? { metadata } : {}),
  };
}

export function buildCheckProgram(write: (text: string) => void): Command {
  return new Command('odp-check')
    .description(
      'Check one resource (a URL or a local file) as the portal does, and show its badge and what to fix',
    )
    .argument('<target>', 'an http(s) URL or a local file')
    .option('--format <declared>', 'the declared 檔案格式 (CSV, JSON, XLSX, …)')
    .option('--encoding <declared>', 'the declared 編碼格式 (UTF-8, BIG5, …)')
    .addOption(new Option('--type <type>', 'the dataset type').choices(['rawData', 'SERVICES']))
    .option('--oas <url>', 'SERVICES/API: the OpenAPI document URL')
    .option('--fields <a,b,c>', 'the declared columns (主要欄位說明), comma separated')
    .option(
      '--metadata <record.json>',
      'a metadata record (national standard field names) to check and declare from',
    )
    .option(
      '--allow-host <host>',
      'fetch from this host even if it is private or loopback (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--max-bytes <n>', 'byte budget for the download', (v) => Number(v), 20 * 1024 * 1024)
    .addOption(new Option('--lang <lang>', 'language of the fixes').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--min-badge <badge>', 'exit 1 when the badge is lower').choices([...BADGE_LEVELS]))
    .option('--json', 'print {"badge", "checks"} as JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  odp-check https://data.example.gov.tw/shelters.csv --format CSV --encoding UTF-8
  odp-check ./calendar.csv --encoding BIG5 --fields 西元日期,星期,是否放假,備註 --json
  odp-check https://api.example.gov.tw/v1/parking --type SERVICES --oas https://api.example.gov.tw/oas.json
  odp-check ./shelters.csv --metadata record.json --min-badge gold

Loopback, private, link-local and metadata addresses are refused unless --allow-host names them.
Exit status 0 when checked (1 with --min-badge when the badge is lower); 2 on bad usage.`,
    )
    .action(async (target: string, options: CheckCliOptions) => {
      const isUrl = /^https?:\/\//i.test(target);
      const { declared, metadata } = await declaredFor(target, options);
      const workDir = await mkdtemp(path.join(tmpdir(), 'odp-check-'));
      try {
        const inspection = await inspectResource(isUrl ? { url: target } : { file: target }, {
          declared,
          workDir,
          ...(metadata ? { metadata } : {}),
          fetch: { allow: options.allowHost, limiter: new HostLimiter(), maxBytes: options.maxBytes },
        });
        write(
          options.json
            ? `${JSON.stringify(checkJson(inspection, options.lang), null, 2)}\n`
            : humanReport(target, inspection, options.lang),
        );
        if (options.minBadge && RANK[inspection.badge] < RANK[options.minBadge]) process.exitCode = 1;
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    });
}

/** Runs the CLI: 0 when checked, 1 below --min-badge, 2 on bad usage. */
export async function runCheckCli(
  argv: string[],
  write: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  process.exitCode = 0;
  try {
    await buildCheckProgram(write).exitOverride().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' ? 0 : 2;
    }
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT') {
      process.stderr.write(`ERROR INPUT_NOT_FOUND: ${(error as Error).message}\n`);
      return 2;
    }
    if (error instanceof SyntaxError) {
      process.stderr.write(`ERROR BAD_METADATA: the metadata record is not JSON: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`ERROR INTERNAL: ${(error as Error).message}\n`);
    return 1;
  }
}
