/**
 * B2 relevance metrics over the judged query set (judged-queries.json).
 *
 * recall@50     |relevant ∩ top 50| / min(50, |relevant|) — a query with more than 50
 *               relevant datasets scores 1 when its first 50 results are all relevant.
 * precision@10  |relevant ∩ top 10| / min(10, |relevant|) — a query with 3 relevant
 *               datasets scores 1 when all 3 are in the first 10 (the other 7 places
 *               cannot be filled with relevant ones, so they do not count against it).
 * nDCG@10       graded: DCG@10 / ideal DCG@10, DCG@10 = Σ_{rank=1..10} gain / log2(rank + 1),
 *               gain 2 for a highly relevant dataset (highlyRelevant: the judged words in
 *               its title or keywords; for agency queries, in the agency name), 1 for
 *               another relevant one, 0 otherwise. The ideal DCG is that of the judged
 *               datasets in the best order (every highly relevant one first), so it
 *               comes from the judgements, not from any engine's results. Unlike the two
 *               above, it rewards putting what a query is about before what merely
 *               mentions it.
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
  /** The part of `relevant` the query is about (gain 2 in nDCG@10), in identifier order. */
  highlyRelevant: string[];
  note?: string;
}

/** A search under test: the ranked identifiers for a query (at least the first 50). */
export type Search = (query: string) => Promise<string[]>;

export interface QueryScore {
  query: JudgedQuery;
  recall50: number;
  precision10: number;
  ndcg10: number;
  /** How many results the search returned (before the cut at 50). */
  returned: number;
}

export interface Scores {
  queries: number;
  recall50: number;
  precision10: number;
  ndcg10: number;
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

/** Σ gain / log2(rank + 1) over the first `k` gains, rank counted from 1. */
function dcg(gains: readonly number[], k: number): number {
  return gains.slice(0, k).reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
}

/** nDCG@k with gain 2 for highly relevant, 1 for relevant, 0 for any other result. */
export function ndcg(query: JudgedQuery, ranked: readonly string[], k = 10): number {
  const relevant = new Set(query.relevant);
  const highly = new Set(query.highlyRelevant.filter((id) => relevant.has(id)));
  const gain = (id: string) => (highly.has(id) ? 2 : relevant.has(id) ? 1 : 0);
  const ideal = dcg(
    [...query.relevant].map(gain).sort((a, b) => b - a),
    k,
  );
  return ideal ? dcg(ranked.map(gain), k) / ideal : 0;
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
    ndcg10: ndcg(query, ranked, 10),
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
    ndcg10: mean((s) => s.ndcg10),
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
    evaluations.map(({ name }) => `  │ ${name.padEnd(34).slice(0, 34)}`).join('') +
    '\n' +
    '                    ' +
    evaluations.map(() => '  │ recall@50  prec@10  nDCG@10  empty').join('');
  const row = (label: string, pick: (e: Evaluation) => Scores | undefined) =>
    `${label.padEnd(12)} ${String(pick(first)?.queries ?? 0).padStart(7)}` +
    evaluations
      .map(({ evaluation }) => {
        const s = pick(evaluation);
        return s
          ? `  │ ${f2(s.recall50).padStart(9)}  ${f2(s.precision10).padStart(7)}  ` +
              `${f2(s.ndcg10).padStart(7)}  ${String(s.empty).padStart(5)}`
          : '  │ ' + ' '.repeat(34);
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
      `${s.query.id.padEnd(14)} R@50 ${f2(s.recall50)}  P@10 ${f2(s.precision10)}  nDCG@10 ${f2(s.ndcg10)}  ` +
      `returned ${String(s.returned).padStart(3)} judged ${String(s.query.relevant.length).padStart(3)} ` +
      `(highly ${String(s.query.highlyRelevant.length).padStart(3)})  ${s.query.query}`,
  );
}

const METRICS = [
  ['recall50', 'recall@50'],
  ['precision10', 'precision@10'],
  ['ndcg10', 'nDCG@10'],
] as const;
type Metric = (typeof METRICS)[number][0];

/** Figures are compared as printed here, to three decimals: a smaller difference is none. */
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const f3 = (x: number) => x.toFixed(3);

/**
 * The B2 acceptance against the baseline (BENCHMARKS.md): on each of `groups`, strictly
 * better on at least one of recall@50, precision@10 and nDCG@10, and never worse on
 * recall@50 or precision@10. A line per group with the nDCG@10 of both, the figures
 * behind it, and the verdict.
 */
export function formatAcceptance(
  ours: Evaluation,
  baseline: Evaluation,
  groups: readonly string[] = ['two-char', 'variant'],
): string[] {
  const lines: string[] = [];
  const verdicts: string[] = [];
  let met = true;
  for (const g of groups) {
    const a = ours.perGroup.get(g);
    const b = baseline.perGroup.get(g);
    if (!a || !b) {
      met = false;
      verdicts.push(`${g}: no queries`);
      continue;
    }
    const better = (m: Metric) => r3(a[m]) > r3(b[m]);
    const worse = (m: Metric) => r3(a[m]) < r3(b[m]);
    lines.push(
      `${g}: odp vs baseline nDCG@10: ${f3(a.ndcg10)} vs ${f3(b.ndcg10)} (strictly better: ${better('ndcg10') ? 'yes' : 'no'})` +
        ` — recall@50 ${f3(a.recall50)} vs ${f3(b.recall50)}, precision@10 ${f3(a.precision10)} vs ${f3(b.precision10)}`,
    );
    const betterOn = METRICS.filter(([m]) => better(m)).map(([, label]) => label);
    const worseOn = METRICS.filter(([m]) => m !== 'ndcg10' && worse(m)).map(([, label]) => label);
    const ok = betterOn.length > 0 && worseOn.length === 0;
    met &&= ok;
    verdicts.push(
      `${g} ${ok ? 'yes' : 'no'} (strictly better on ${betterOn.join(', ') || 'none'}` +
        `${worseOn.length ? `; worse on ${worseOn.join(', ')}` : ''})`,
    );
  }
  lines.push(
    `acceptance (B2: strictly better than the baseline on ${groups.join(' and ')} on at least one of ` +
      `recall@50, precision@10, nDCG@10, never worse on recall@50 or precision@10): ${met ? 'MET' : 'NOT MET'} — ` +
      verdicts.join('; '),
  );
  return lines;
}
