/**
 * B2: search relevance. Seeds the demo catalogue (`odp serve --demo`, the same 3,745
 * datasets on every run) into a temporary SQLite database, runs the judged query set
 * (search/judged-queries.json, written by search/make-judgements.ts) and prints
 * recall@50 and precision@10 per query group and overall, for the plain SQLite FTS5
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
  formatQueries,
  formatTable,
  loadJudgedQueries,
  type Evaluation,
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
      'recall@50 = relevant in top 50 / min(50, relevant); precision@10 = relevant in top 10 / min(10, relevant)',
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
