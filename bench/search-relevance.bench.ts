/**
 * B2: search relevance. Seeds the demo catalogue (`odp serve --demo`, the same 3,745
 * datasets on every run) into a temporary SQLite database, runs the judged query set
 * (search/judged-queries.json, written by search/make-judgements.ts) and prints
 * recall@50, precision@10 and the graded nDCG@10 per query group and overall, with the
 * B2 acceptance against the baseline on two-char and variant, for the plain SQLite FTS5
 * trigram baseline (search/fts5-baseline.ts) and — once it exists — odp's own search,
 * in the same run. See search/README.md for the rules and the metrics.
 *
 *   npm run bench -- search-relevance [--per-query] [--match-only]
 *
 * --match-only adds the plainer baseline that sends 1- and 2-character words to FTS5
 * MATCH as well (where the trigram tokenizer finds nothing) instead of LIKE.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as SearchIndex from '../packages/portal/src/search/index.ts';
import { Report } from './lib/report.ts';
import { seedCatalogue, type SeededCatalogue } from './search/catalogue.ts';
import { Fts5Baseline } from './search/fts5-baseline.ts';
import { listed } from './search/judging.ts';
import {
  evaluate,
  formatAcceptance,
  formatQueries,
  formatTable,
  loadJudgedQueries,
  type Evaluation,
  type JudgedQuery,
  type Search,
} from './search/relevance.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEARCH_MODULE = path.join(here, '..', 'packages', 'portal', 'src', 'search', 'index.ts');

/**
 * ─── HOOK: odp's own search ───────────────────────────────────────────────────────
 * A Search — query → ranked dataset identifiers, the first 50 — over `catalogue.handle`,
 * the database this run seeded (the same one the baseline's text comes from), through
 * searchDatasets (packages/portal/src/search/index.ts). It is evaluated on the same
 * judged set and printed beside the baseline.
 */
type SearchModule = typeof SearchIndex;

async function ourSearch(catalogue: SeededCatalogue): Promise<Search | string> {
  if (!existsSync(SEARCH_MODULE)) return 'odp search: not built yet';
  const engine = (await import(pathToFileURL(SEARCH_MODULE).href)) as SearchModule;
  // The seed wrote through createDatasets, which indexes in the same transaction.
  const ctx = { db: catalogue.handle.db, dialect: catalogue.handle.dialect };
  return async (q) => {
    const first = await engine.searchDatasets(ctx, { q, limit: 50, withoutFacets: true });
    // As the search page does: when nothing matched and a spelling is suggested, show its results.
    const result =
      first.total === 0 && first.didYouMean
        ? await engine.searchDatasets(ctx, { q: first.didYouMean, limit: 50, withoutFacets: true })
        : first;
    return result.hits.map((h) => h.identifier);
  };
}

/**
 * Which queries the baseline cannot rank: those whose words are all shorter than 3
 * characters have no FTS5 MATCH and so no bm25, and come back in rowid order.
 */
function baselineOrderNote(queries: readonly JudgedQuery[]): string[] {
  const unranked = new Map<string, number>();
  const total = new Map<string, number>();
  for (const q of queries) {
    total.set(q.group, (total.get(q.group) ?? 0) + 1);
    const plan = Fts5Baseline.plan(q.query, 50);
    if (plan && !plan.sql.includes(' match ')) unranked.set(q.group, (unranked.get(q.group) ?? 0) + 1);
  }
  const n = [...unranked.values()].reduce((a, b) => a + b, 0);
  if (n === 0) return [];
  return [
    `baseline order: ${n} queries have only words of 1–2 characters (` +
      [...unranked].map(([g, k]) => `${g} ${k}/${total.get(g) ?? 0}`).join(', ') +
      '), so no MATCH and no bm25;',
    '  it returns their LIKE matches in rowid order (insertion order = identifier order), arbitrary',
    '  with respect to relevance: a title hit and a description-only hit are not told apart. That',
    '  is what a plain FTS5 trigram table gives.',
  ];
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'per-query': { type: 'boolean', default: false },
      'match-only': { type: 'boolean', default: false },
    },
  });
  const report = new Report('search-relevance');
  const queries = loadJudgedQueries();
  const t0 = performance.now();
  const catalogue = await seedCatalogue();
  try {
    const docs = catalogue.docs.filter(listed);
    report.line(
      `catalogue: demo seed, ${catalogue.docs.length} datasets, ${docs.length} listed (seeded in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const known = new Set(docs.map((d) => d.identifier));
    const stale = queries.flatMap((q) => q.relevant.filter((id) => !known.has(id)));
    if (stale.length)
      throw new Error(
        `${stale.length} judged identifiers are not in the seeded catalogue (${stale.slice(0, 3).join(', ')} …): ` +
          'the demo seed changed; re-run bench/search/make-judgements.ts',
      );
    const groups = new Map<string, number>();
    for (const q of queries) groups.set(q.group, (groups.get(q.group) ?? 0) + 1);
    report.line(
      `judged set: ${queries.length} queries (${[...groups].map(([g, n]) => `${g} ${n}`).join(', ')}), ` +
        `${queries.reduce((n, q) => n + q.relevant.length, 0)} judgements`,
    );
    report.line(
      `graded: ${queries.reduce((n, q) => n + q.highlyRelevant.length, 0)} of them highly relevant ` +
        '(the judged words in the title or keywords; for agency queries, in the agency name)',
    );
    report.line(
      'recall@50 = relevant in top 50 / min(50, relevant); precision@10 = relevant in top 10 / min(10, relevant)',
    );
    report.line(
      'nDCG@10 = DCG@10 / ideal DCG@10, DCG@10 = Σ gain / log2(rank + 1), gain 2 highly relevant, 1 relevant, 0 other',
    );
    report.line('');

    const baseline = new Fts5Baseline(docs);
    const evaluations: { name: string; evaluation: Evaluation }[] = [];
    const tb = performance.now();
    evaluations.push({
      name: 'FTS5 trigram baseline',
      evaluation: await evaluate(async (q) => baseline.search(q, 50), queries),
    });
    const baselineMs = performance.now() - tb;
    baseline.close();
    if (values['match-only']) {
      const plain = new Fts5Baseline(docs, { shortWords: 'drop' });
      evaluations.push({
        name: 'FTS5 trigram, MATCH only',
        evaluation: await evaluate(async (q) => plain.search(q, 50), queries),
      });
      plain.close();
    }

    const ours = await ourSearch(catalogue);
    let oursMs = 0;
    if (typeof ours !== 'string') {
      const to = performance.now();
      evaluations.push({ name: 'odp search', evaluation: await evaluate(ours, queries) });
      oursMs = performance.now() - to;
    }

    for (const line of formatTable(evaluations)) report.line(line);
    report.line('');
    const base = evaluations[0]?.evaluation;
    const odp = evaluations.find((e) => e.name === 'odp search')?.evaluation;
    if (base && odp) {
      for (const line of formatAcceptance(odp, base)) report.line(line);
      report.line('');
    }
    for (const line of baselineOrderNote(queries)) report.line(line);
    report.line('');
    report.line(`FTS5 trigram baseline: ${queries.length} queries in ${baselineMs.toFixed(0)} ms`);
    if (typeof ours !== 'string')
      report.line(`odp search: ${queries.length} queries in ${oursMs.toFixed(0)} ms`);
    else report.line(ours);
    report.line(
      'targets (BENCHMARKS.md B2): recall ≥ 0.95, precision ≥ 0.9, strictly better than the baseline on two-char and variant',
    );

    if (values['per-query'])
      for (const { name, evaluation } of evaluations) {
        report.line('');
        report.line(`per query — ${name}:`);
        for (const line of formatQueries(evaluation)) report.line(line);
      }
  } finally {
    await catalogue.destroy();
  }
  report.save();
}
