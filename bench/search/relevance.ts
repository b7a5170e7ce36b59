/**
 * B2 relevance metrics over the judged query set (judged-queries.json).
 *
 * recall@50     |relevant ∩ top 50| / min(50, |relevant|) — a query with more than 50
 *               relevant datasets scores 1 when its first 50 results are all relevant.
 * precision@10  |relevant ∩ top 10| / min(10, |relevant|) — a query with 3 relevant
 *               datasets scores 1 when all 3 are in the first 10 (the other 7 places
 *               cannot be filled with relevant ones, so they do not count against it).
 *
 * Results are deduplicated (first occurrence kept). Group and overall figures are
 * means over queries (each query weighs the same). For a query whose judgements were
 * capped (relevantTotal > relevant.length, see README.md) only the judged identifiers
 * count as relevant, so its figures are a lower bound.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface JudgedQuery {
  id: string;
  group: string;
  query: string;
  /** Identifiers that must be found, in identifier order. */
  relevant: string[];
  /** When the rule matched more than were judged: how many it matched. */
  relevantTotal?: number;
  note?: string;
}

/** A search under test: the ranked identifiers for a query (at least the first 50). */
export type Search = (query: string) => Promise<string[]>;

export interface QueryScore {
  query: JudgedQuery;
  recall50: number;
  precision10: number;
  /** How many results the search returned (before the cut at 50). */
  returned: number;
}

export interface Scores {
  queries: number;
  recall50: number;
  precision10: number;
  /** Queries that returned nothing. */
  empty: number;
}

export interface Evaluation {
  perQuery: QueryScore[];
  perGroup: Map<string, Scores>;
  overall: Scores;
}

export const GROUP_ORDER = [
  'two-char',
  'multi-word',
  'variant',
  'simplified',
  'full-width',
  'english',
  'agency',
  'typo',
] as const;

export function loadJudgedQueries(
  file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'judged-queries.json'),
): JudgedQuery[] {
  return JSON.parse(readFileSync(file, 'utf8')) as JudgedQuery[];
}

export function scoreQuery(query: JudgedQuery, results: readonly string[]): QueryScore {
  const ranked = [...new Set(results)];
  const relevant = new Set(query.relevant);
  const hits = (k: number) => ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  const n = relevant.size;
  return {
    query,
    recall50: n ? hits(50) / Math.min(50, n) : 0,
    precision10: n ? hits(10) / Math.min(10, n) : 0,
    returned: ranked.length,
  };
}

function summarise(scores: readonly QueryScore[]): Scores {
  const mean = (f: (s: QueryScore) => number) =>
    scores.length ? scores.reduce((sum, s) => sum + f(s), 0) / scores.length : 0;
  return {
    queries: scores.length,
    recall50: mean((s) => s.recall50),
    precision10: mean((s) => s.precision10),
    empty: scores.filter((s) => s.returned === 0).length,
  };
}

export async function evaluate(search: Search, queries: readonly JudgedQuery[]): Promise<Evaluation> {
  const perQuery: QueryScore[] = [];
  for (const q of queries) perQuery.push(scoreQuery(q, await search(q.query)));
  const groups = [...new Set([...GROUP_ORDER, ...queries.map((q) => q.group)])].filter((g) =>
    queries.some((q) => q.group === g),
  );
  const perGroup = new Map(
    groups.map((g) => [g, summarise(perQuery.filter((s) => s.query.group === g))] as const),
  );
  return { perQuery, perGroup, overall: summarise(perQuery) };
}

const f2 = (x: number) => x.toFixed(2);

/** One table, a row per group and the overall row, for one or more searches side by side. */
export function formatTable(evaluations: ReadonlyArray<{ name: string; evaluation: Evaluation }>): string[] {
  const first = evaluations[0]?.evaluation;
  if (!first) return [];
  const head =
    'group        queries' +
    evaluations.map(({ name }) => `  │ ${name.padEnd(25).slice(0, 25)}`).join('') +
    '\n' +
    '                    ' +
    evaluations.map(() => '  │ recall@50  prec@10  empty').join('');
  const row = (label: string, pick: (e: Evaluation) => Scores | undefined) =>
    `${label.padEnd(12)} ${String(pick(first)?.queries ?? 0).padStart(7)}` +
    evaluations
      .map(({ evaluation }) => {
        const s = pick(evaluation);
        return s
          ? `  │ ${f2(s.recall50).padStart(9)}  ${f2(s.precision10).padStart(7)}  ${String(s.empty).padStart(5)}`
          : '  │ ' + ' '.repeat(25);
      })
      .join('');
  return [
    ...head.split('\n'),
    ...[...first.perGroup.keys()].map((g) => row(g, (e) => e.perGroup.get(g))),
    row('overall', (e) => e.overall),
  ];
}

/** A line per query: its figures, for --per-query. */
export function formatQueries(evaluation: Evaluation): string[] {
  return evaluation.perQuery.map(
    (s) =>
      `${s.query.id.padEnd(14)} R@50 ${f2(s.recall50)}  P@10 ${f2(s.precision10)}  ` +
      `returned ${String(s.returned).padStart(3)} judged ${String(s.query.relevant.length).padStart(3)}  ${s.query.query}`,
  );
}
