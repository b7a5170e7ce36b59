import {
  ALL_CHECKS,
  CHECK_TITLES,
  resourceBadge,
  type Badge,
  type BadgeRules,
  type CheckOutcome,
} from '@odp/quality';

/**
 * The fix list (docs/quality.md "Fix list and one-click fixes"): from the latest checks of
 * a resource, what to fix, and what each fix gains — the badge the resource would reach
 * if the fix made its checks pass, computed with the badge rules (QUALITY.md §2). Fixes
 * the platform can make itself through @odp/convert are one-click; the rest say how.
 * Pure: no database, no HTTP.
 */

/** The one-click fixes. */
export const ONE_CLICK_KINDS = [
  'to_utf8',
  'flatten_headers',
  'roc_dates',
  'fill_fields',
  'publish_copies',
  'mask_personal_data',
] as const;
export type OneClickKind = (typeof ONE_CLICK_KINDS)[number];

/** The one-click fixes that rewrite a CSV file (always as UTF-8 with one header row). */
export const CSV_REWRITE_KINDS: ReadonlySet<OneClickKind> = new Set([
  'to_utf8',
  'flatten_headers',
  'roc_dates',
  'mask_personal_data',
]);

export const BADGE_RANK: Record<Badge, number> = { none: 0, bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** Marks the resources the platform published itself (多元格式參考資料): resourceNotes start with it. */
export const PLATFORM_GENERATED = 'platform-generated';

/** Formats of which the platform publishes CSV/JSON/XML copies (structured, not CSV already). */
const COPIED_FORMATS: ReadonlySet<string> = new Set(['JSON', 'XML', 'XLSX', 'ODS']);

/** The copies published of a structured resource: the formats it is not already in. */
export function copyFormatsFor(sniffedFormat: string): ('csv' | 'json' | 'xml')[] {
  return (['csv', 'json', 'xml'] as const).filter((f) => f.toUpperCase() !== sniffedFormat.toUpperCase());
}

/** resourceNotes of a platform copy: the marker, the source resource and the conversion time. */
export function platformCopyNotes(sourceResourceId: string, convertedAt: string): string {
  return `${PLATFORM_GENERATED} from ${sourceResourceId} at ${convertedAt}`;
}

/** The resource a platform copy was converted from, read from its resourceNotes. */
export function platformCopySource(notes: string | null): string | undefined {
  return notes?.startsWith(PLATFORM_GENERATED) ? /\bfrom (\S+)/.exec(notes)?.[1] : undefined;
}

/** The latest result of one check of a resource, as stored. */
export interface CheckFact {
  checkId: string;
  status: string;
  evidence: Record<string, unknown>;
  fixZh: string | null;
  fixEn: string | null;
}

/** What the fix list needs to know of a resource besides its checks. */
export interface ResourceFacts {
  resourceID: string;
  /** The declared 檔案格式. */
  format: string;
  resourceNotes: string | null;
  /** file: the file rules; api: the SERVICES/API rules. */
  kind: 'file' | 'api';
  checks: readonly CheckFact[];
  /** The resourceIDs this resource's dataset already has platform copies of. */
  copiedResources: ReadonlySet<string>;
}

export interface Text {
  zh: string;
  en: string;
}

export interface FixGain {
  badgeFrom: Badge;
  badgeTo: Badge;
  /** Badge levels gained (badgeTo − badgeFrom), 0 when another check still holds the resource back. */
  steps: number;
  /** Metadata quality score (MQA) points gained, where the score can be simulated. */
  points?: number;
}

export interface Fix {
  /** `<kind>:<resourceID>`; kind is a one-click kind or, for the rest, the check id. */
  id: string;
  resourceId?: string;
  /** The check the fix is about (null: a fix no failing check asks for, such as the CSV/JSON/XML copies). */
  check: string | null;
  kind: string;
  gain: FixGain;
  oneClick: boolean;
  title: Text;
  how: Text;
}

const failing = (status: string | undefined) => status === 'fail' || status === 'error';

/** The badge of a resource with the given checks made to pass. */
export function badgeIfPassing(
  checks: readonly CheckFact[],
  passing: readonly string[],
  rules: BadgeRules,
): Badge {
  const outcomes: Record<string, CheckOutcome> = {};
  for (const c of checks) outcomes[c.checkId] = c.status as CheckOutcome;
  for (const id of passing) outcomes[id] = 'pass';
  return resourceBadge(outcomes, rules);
}

function gainOf(checks: readonly CheckFact[], passing: readonly string[], rules: BadgeRules): FixGain {
  const badgeFrom = badgeIfPassing(checks, [], rules);
  const badgeTo = badgeIfPassing(checks, passing, rules);
  return { badgeFrom, badgeTo, steps: BADGE_RANK[badgeTo] - BADGE_RANK[badgeFrom] };
}

const isBig5 = (name: unknown) => typeof name === 'string' && /^(big5|cp950|big5-hkscs|x-big5)$/i.test(name);

/** The facts that decide which one-click fixes apply to a resource. */
interface Findings {
  byId: Map<string, CheckFact>;
  csv: boolean;
  /** encoding_match found Big5/CP950 (failing, or passing with the UTF-8 advice). */
  big5: boolean;
  /** csv_convertible fails for its header rows only. */
  headerOnly: boolean;
  rocDates: number;
  columns: string[];
}

function findingsOf(resource: ResourceFacts): Findings {
  const byId = new Map(resource.checks.map((c) => [c.checkId, c]));
  const encoding = byId.get('encoding_match');
  const table = byId.get('csv_convertible');
  const lint = byId.get('content_lint');
  const fields = byId.get('fields_match');
  const sniffed = byId.get('format_match')?.evidence['sniffed'];
  const tableEvidence = table?.evidence ?? {};
  const findings = Array.isArray(lint?.evidence['findings'])
    ? (lint.evidence['findings'] as { rule?: unknown; count?: unknown }[])
    : [];
  const roc = findings.find((f) => f.rule === 'roc_date');
  return {
    byId,
    csv: resource.format.toUpperCase() === 'CSV' && (sniffed === undefined || sniffed === 'CSV'),
    big5: encoding !== undefined && encoding.status !== 'error' && isBig5(encoding.evidence['detected']),
    headerOnly:
      failing(table?.status) &&
      typeof tableEvidence['headerRows'] === 'number' &&
      tableEvidence['headerRows'] > 1 &&
      tableEvidence['raggedRows'] === 0 &&
      Array.isArray(tableEvidence['problems']) &&
      tableEvidence['problems'].length === 1,
    rocDates: typeof roc?.count === 'number' ? roc.count : 0,
    columns: Array.isArray(fields?.evidence['columns'])
      ? (fields.evidence['columns'] as unknown[]).filter((c): c is string => typeof c === 'string')
      : [],
  };
}

const ONE_CLICK_TEXT: Record<OneClickKind, { title: Text; how: (f: Findings, r: ResourceFacts) => Text }> = {
  to_utf8: {
    title: { zh: '轉為 UTF-8 編碼', en: 'Re-encode to UTF-8' },
    how: (f) => {
      const detected = String(f.byId.get('encoding_match')?.evidence['detected'] ?? 'Big5');
      return {
        zh: `平臺將 ${detected} 編碼的 CSV 轉為 UTF-8（一列標題），存為資料集的新版本，並將編碼格式改為 UTF-8；可還原為前一版本。`,
        en: `The platform re-encodes the ${detected} CSV as UTF-8 (one header row), saves it as a new version of the dataset and declares UTF-8; the previous version can be restored.`,
      };
    },
  },
  flatten_headers: {
    title: { zh: '攤平為單列標題', en: 'Flatten the headers to one row' },
    how: (f) => ({
      zh: `平臺將 ${String(f.byId.get('csv_convertible')?.evidence['headerRows'] ?? 2)} 列標題合併為一列（英文標題列移除、合併儲存格的上層名稱併入），另存 UTF-8 CSV 為新版本；可還原。`,
      en: `The platform merges the ${String(f.byId.get('csv_convertible')?.evidence['headerRows'] ?? 2)} header rows into one (an English header row dropped, merged upper cells joined to the names below) and saves a UTF-8 CSV as a new version; reversible.`,
    }),
  },
  roc_dates: {
    title: { zh: '民國日期轉為西元 ISO 8601', en: 'Convert ROC dates to ISO 8601' },
    how: (f) => ({
      zh: `平臺將民國日期欄位（${f.rocDates} 個值，如 1130105）轉為 ISO 8601（2024-01-05），其他欄位不變，另存 UTF-8 CSV 為新版本；可還原。`,
      en: `The platform converts the ROC date columns (${f.rocDates} values, e.g. 1130105) to ISO 8601 (2024-01-05), leaving the other columns as they are, and saves a UTF-8 CSV as a new version; reversible.`,
    }),
  },
  fill_fields: {
    title: { zh: '依偵測到的欄位填入主要欄位說明', en: 'Fill the field list from the detected columns' },
    how: (f) => ({
      zh: `平臺以檔案中偵測到的 ${f.columns.length} 個欄位（${f.columns.slice(0, 5).join('、')}${f.columns.length > 5 ? '…' : ''}）填入此資源的主要欄位說明（resourceField），已有的欄位說明保留；存為新版本，可還原。`,
      en: `The platform fills this resource's field list (resourceField) with the ${f.columns.length} columns found in the file (${f.columns.slice(0, 5).join(', ')}${f.columns.length > 5 ? '…' : ''}), keeping existing descriptions; a new version, reversible.`,
    }),
  },
  mask_personal_data: {
    title: { zh: '遮蔽個人資料', en: 'Mask the personal data' },
    how: (f) => {
      const findings = f.byId.get('privacy')?.evidence['findings'];
      const count = Array.isArray(findings) ? findings.length : 0;
      return {
        zh: `平臺遮蔽檔案中偵測到的個人資料（${count} 類發現：姓名的中間字、身分證字號與居留證號的第 4 至 7 碼、手機的中間三碼、電子郵件帳號的第一字之後，如 王O明、A12****789、0912-***-678），另存 UTF-8 CSV 為新版本；預覽與衍生格式在重新檢測通過後恢復。可還原，但原檔含個人資料，請同時檢討資料來源。`,
        en: `The platform masks the personal data found in the file (${count} kinds of findings: the middle of names, digits 4–7 of ID and resident numbers, the middle three digits of mobiles, e-mail user names after the first letter — 王O明, A12****789, 0912-***-678) and saves a UTF-8 CSV as a new version; preview and derived formats come back once the re-check passes. Reversible, but the original holds personal data: review where it came from too.`,
      };
    },
  },
  publish_copies: {
    title: {
      zh: '發布多元格式參考資料（CSV/JSON/XML）',
      en: 'Publish CSV/JSON/XML copies',
    },
    how: (f, r) => {
      const from = String(f.byId.get('structured')?.evidence['sniffedFormat'] ?? r.format);
      return {
        zh: `平臺將 ${from} 轉換為其他格式（CSV UTF-8、JSON、XML），以新資源發布並標示「平臺轉換」與轉換時間；存為新版本，可還原。`,
        en: `The platform converts the ${from} into the other formats (CSV in UTF-8, JSON, XML) and publishes them as new resources marked as platform-generated with the conversion time; a new version, reversible.`,
      };
    },
  },
};

/** What each one-click fix makes pass: its own check, and what the rewritten UTF-8, one-header CSV fixes besides. */
function passedBy(kind: OneClickKind, f: Findings): string[] {
  const rewritten = [...(f.big5 ? ['encoding_match'] : []), ...(f.headerOnly ? ['csv_convertible'] : [])];
  switch (kind) {
    case 'to_utf8':
    case 'flatten_headers':
      return rewritten;
    case 'roc_dates':
      return [...rewritten, 'content_lint'];
    case 'fill_fields':
      return ['fields_match'];
    case 'mask_personal_data':
      return [...rewritten, 'privacy'];
    case 'publish_copies':
      return [];
  }
}

/** The check a one-click fix answers. */
const CHECK_OF: Record<OneClickKind, string | null> = {
  to_utf8: 'encoding_match',
  flatten_headers: 'csv_convertible',
  roc_dates: 'content_lint',
  fill_fields: 'fields_match',
  publish_copies: null,
  mask_personal_data: 'privacy',
};

/** The one-click fixes that apply to a resource, from its checks. */
export function oneClickKinds(resource: ResourceFacts): OneClickKind[] {
  if (resource.kind !== 'file' || resource.resourceNotes?.startsWith(PLATFORM_GENERATED)) return [];
  const f = findingsOf(resource);
  const kinds: OneClickKind[] = [];
  if (f.csv && f.big5) kinds.push('to_utf8');
  if (f.csv && f.headerOnly) kinds.push('flatten_headers');
  if (f.csv && f.rocDates > 0) kinds.push('roc_dates');
  if (failing(f.byId.get('fields_match')?.status) && f.columns.length > 0) kinds.push('fill_fields');
  if (f.csv && failing(f.byId.get('privacy')?.status)) kinds.push('mask_personal_data');
  const structured = f.byId.get('structured');
  const sniffed = String(structured?.evidence['sniffedFormat'] ?? '');
  if (
    structured?.status === 'pass' &&
    COPIED_FORMATS.has(sniffed) &&
    resource.format.toUpperCase() !== 'CSV' &&
    !resource.copiedResources.has(resource.resourceID)
  )
    kinds.push('publish_copies');
  return kinds;
}

/** Every fix of one resource: the one-click ones, then each other failing or warning check with its advice. */
export function resourceFixes(resource: ResourceFacts, rules: BadgeRules): Fix[] {
  const f = findingsOf(resource);
  const kinds = oneClickKinds(resource);
  const answered = new Set<string>();
  const fixes: Fix[] = kinds.map((kind) => {
    const passing = passedBy(kind, f);
    for (const id of passing) answered.add(id);
    const check = CHECK_OF[kind];
    if (check) answered.add(check);
    const text = ONE_CLICK_TEXT[kind];
    return {
      id: `${kind}:${resource.resourceID}`,
      resourceId: resource.resourceID,
      check,
      kind,
      gain: gainOf(resource.checks, passing, rules),
      oneClick: true,
      title: text.title,
      how: text.how(f, resource),
    };
  });
  for (const c of resource.checks) {
    if (answered.has(c.checkId)) continue;
    if (!failing(c.status) && c.status !== 'warn') continue;
    if (c.fixZh === null || c.fixEn === null) continue;
    const title = CHECK_TITLES[c.checkId] ?? { zh: c.checkId, en: c.checkId };
    fixes.push({
      id: `${c.checkId}:${resource.resourceID}`,
      resourceId: resource.resourceID,
      check: c.checkId,
      kind: c.checkId,
      gain: gainOf(resource.checks, [c.checkId], rules),
      oneClick: false,
      title: { zh: `改善「${title.zh}」`, en: `Fix “${title.en}”` },
      how: { zh: c.fixZh, en: c.fixEn },
    });
  }
  return fixes;
}

const CHECK_ORDER = new Map(ALL_CHECKS.map((c, i) => [c.id, i]));

/**
 * Most gain first: badge steps, then MQA points, then one-click before manual, then the
 * lower badge (the resource furthest behind), then the checks' order, then the resource.
 */
export function compareFixes(a: Fix, b: Fix): number {
  return (
    b.gain.steps - a.gain.steps ||
    (b.gain.points ?? 0) - (a.gain.points ?? 0) ||
    Number(b.oneClick) - Number(a.oneClick) ||
    BADGE_RANK[a.gain.badgeFrom] - BADGE_RANK[b.gain.badgeFrom] ||
    (CHECK_ORDER.get(a.check ?? '') ?? 99) - (CHECK_ORDER.get(b.check ?? '') ?? 99) ||
    (a.resourceId ?? '').localeCompare(b.resourceId ?? '') ||
    a.id.localeCompare(b.id)
  );
}

export function rankFixes<T extends Fix>(fixes: readonly T[]): T[] {
  return [...fixes].sort(compareFixes);
}
