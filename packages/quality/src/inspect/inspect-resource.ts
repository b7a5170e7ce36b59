import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_BADGE_RULE_SET, type BadgeRuleSet } from '../badge/badge-rules-file.ts';
import type { Badge } from '../badge/badge-rules.ts';
import { resourceBadge, type CheckOutcome } from '../badge/badge.ts';
import type {
  ApiEvidence,
  BodyEvidence,
  CheckContext,
  ContentVersion,
  DeclaredResource,
  HttpEvidence,
  SniffEvidence,
} from '../checks/check-context.ts';
import { runChecks, type RecordedResult } from '../checks/run-checks.ts';
import { fetchResource, type FetchResourceOptions, type FetchResult } from '../fetch/index.ts';
import { formatMatches, sniffResource, type SniffedResource } from '../sniff/index.ts';
import { judgeOpenApiDocument } from './openapi-document.ts';
import { readTable } from './read-table.ts';

export interface InspectOptions {
  declared: DeclaredResource;
  /** The dataset's record in the national standard's field names (for metadata_complete). */
  metadata?: Record<string, unknown>;
  history?: readonly ContentVersion[];
  /** The last fetch's validators and, when kept, its body (reused on 304 Not Modified). */
  previous?: { etag?: string; lastModified?: string; body?: BodyEvidence };
  /** Fetcher options (allow-list, limiter, budget, timeouts …). */
  fetch?: Omit<FetchResourceOptions, 'directory' | 'previous' | 'readBody' | 'headFirst'>;
  /** Scratch directory for the body and the table's rows; the caller removes it. */
  workDir: string;
  now?: Date;
  rules?: BadgeRuleSet;
}

export interface Inspection {
  context: CheckContext;
  results: Record<string, RecordedResult>;
  badge: Badge;
  fetch?: FetchResult;
  sniffed?: SniffedResource;
  /** The server answered 304 and the previous body was checked again. */
  notModified: boolean;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function httpEvidence(result: FetchResult): HttpEvidence {
  return {
    url: result.url,
    finalUrl: result.finalUrl,
    ...(result.status === undefined ? {} : { status: result.status }),
    redirects: result.redirects.length,
    elapsedMs: Math.round(result.timings.totalMs),
    ...(result.headers.contentType ? { contentType: result.headers.contentType } : {}),
    ...(result.headers.lastModified ? { lastModified: result.headers.lastModified } : {}),
    ...(result.error && result.outcome === 'failed'
      ? { errorCode: result.error.code, errorMessage: result.error.message }
      : {}),
    ...(result.tlsError ? { tlsError: `${result.tlsError.code}: ${result.tlsError.message}` } : {}),
    truncated: result.truncated,
  };
}

function sniffEvidence(sniffed: SniffedResource, declaredFormat: string | undefined): SniffEvidence {
  const encoding = sniffed.encoding;
  return {
    format: sniffed.format,
    structured: sniffed.structured,
    tabular: sniffed.tabular,
    reason: sniffed.reason,
    ...(encoding ? { encoding: encoding.label, invalidSequences: encoding.invalidSequences } : {}),
    ...(sniffed.htmlPage ? { htmlPage: sniffed.htmlPage.kind } : {}),
    ...(declaredFormat ? { formatMatch: formatMatches(declaredFormat, sniffed) } : {}),
  };
}

/** Whether the first bytes are all 7-bit (then UTF-8, Big5 and Latin-1 read them alike). */
async function asciiOnly(file: string, limit = 1 << 20): Promise<boolean> {
  const stream = createReadStream(file, { start: 0, end: limit - 1 });
  for await (const chunk of stream as AsyncIterable<Buffer>) if (chunk.some((b) => b > 0x7f)) return false;
  return true;
}

/**
 * Fetches (or reads) one resource, sniffs it, reads it into a table when it is tabular,
 * runs every check that applies and badges it. Never throws for bad resources: every
 * outcome becomes a check result.
 */
export async function inspectResource(
  target: { url: string } | { file: string },
  options: InspectOptions,
): Promise<Inspection> {
  const { declared, workDir } = options;
  const now = options.now ?? new Date();
  const context: CheckContext = {
    declared,
    now,
    ...(options.metadata ? { metadata: options.metadata } : {}),
    ...(options.history ? { history: options.history } : {}),
  };
  let fetched: FetchResult | undefined;
  let notModified = false;
  if ('url' in target) {
    fetched = await fetchResource(target.url, {
      ...options.fetch,
      directory: workDir,
      readBody: true,
      // The checks need the bytes: one ranged GET answers for the link and the content.
      headFirst: false,
      ...(options.previous?.body
        ? { previous: { etag: options.previous.etag, lastModified: options.previous.lastModified } }
        : {}),
    });
    context.http = httpEvidence(fetched);
    if (fetched.outcome === 'not_modified' && options.previous?.body) {
      context.body = options.previous.body;
      notModified = true;
    } else if (fetched.ok && fetched.body?.path) {
      context.body = {
        path: fetched.body.path,
        bytes: fetched.body.bytes,
        sha256: fetched.body.sha256,
        truncated: fetched.body.truncated,
      };
    }
  } else {
    const size = (await stat(target.file)).size;
    context.body = { path: target.file, bytes: size, sha256: await sha256Of(target.file), truncated: false };
  }

  let sniffed: SniffedResource | undefined;
  if (context.body) {
    const fileName =
      'url' in target
        ? path.basename(new URL(fetched?.finalUrl ?? target.url).pathname)
        : path.basename(target.file);
    sniffed = await sniffResource(context.body.path, {
      fileName,
      ...(fetched?.headers.contentType ? { contentType: fetched.headers.contentType } : {}),
    });
    context.sniffed = {
      ...sniffEvidence(sniffed, declared.format),
      asciiOnly: await asciiOnly(context.body.path),
    };
    if (sniffed.tabular && context.body.bytes > 0) {
      const read = await readTable(context.body.path, path.join(workDir, 'rows.ndjson'));
      if ('table' in read) context.table = read.table;
      else
        context.tableFailure = context.body.truncated
          ? {
              ...read.tableFailure,
              message: `${read.tableFailure.message} (the download was cut at the byte budget)`,
            }
          : read.tableFailure;
    }
  }
  if (declared.kind === 'api') context.api = await probeApi(context, options);

  const results = await runChecks(context);
  const outcomes: Record<string, CheckOutcome> = Object.fromEntries(
    Object.entries(results).map(([id, r]) => [id, r.status]),
  );
  const rules = options.rules ?? DEFAULT_BADGE_RULE_SET;
  const badge = resourceBadge(outcomes, declared.kind === 'api' ? rules.api : rules.file);
  return {
    context,
    results,
    badge,
    notModified,
    ...(fetched ? { fetch: fetched } : {}),
    ...(sniffed ? { sniffed } : {}),
  };
}

/** For API resources: the OpenAPI document (fetched with the same rules) and what the endpoint answered. */
async function probeApi(context: CheckContext, options: InspectOptions): Promise<ApiEvidence> {
  const evidence: ApiEvidence = {};
  const http = context.http;
  if (http) {
    evidence.endpoint = {
      ...(http.status === undefined ? {} : { status: http.status }),
      structured: context.sniffed?.structured ?? false,
      ...(context.sniffed ? { format: context.sniffed.format } : {}),
      ...(context.table ? { rows: context.table.report.rows.written } : {}),
      ...(http.errorCode ? { errorCode: http.errorCode } : {}),
    };
  }
  const oasUrl = options.declared.oasUrl;
  if (oasUrl) {
    const doc = await fetchResource(oasUrl, { ...options.fetch, maxBytes: 5 * 1024 * 1024, readBody: true });
    const text = doc.ok && doc.body?.buffer ? doc.body.buffer.toString('utf8') : undefined;
    const verdict =
      text === undefined
        ? {
            valid: false,
            problems: [
              `the document could not be fetched (${doc.error?.code ?? `HTTP ${doc.status ?? '—'}`})`,
            ],
            pagingDocumented: false,
          }
        : judgeOpenApiDocument(text);
    evidence.oas = { url: oasUrl, ...verdict };
  }
  return evidence;
}
