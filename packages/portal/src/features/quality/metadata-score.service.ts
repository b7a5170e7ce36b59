import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { loadDatasets } from '../datasets/dataset.repo.ts';
import { datasetGraph, PortalIris } from '../dcat/dcat-graph.ts';
import { validateDcatAp, type ShaclReport } from '../dcat/dcat-shacl.ts';
import { scoreMetadata, type Band, type MetadataScore } from './metadata-score.ts';
import { answeringUrls, countDatasets, datasetIdsAfter, saveScores } from './metadata-score.repo.ts';

/**
 * Scores datasets (docs/quality.md "Metadata quality score") and stores the results:
 * after every write and every check for one dataset, and for the whole catalogue from
 * `odp quality score`. A batch of datasets is validated against the SHACL shapes as one
 * graph, and each result is given to the datasets whose graph holds its focus node.
 */

/**
 * The base of the IRIs the score is computed on. The score does not depend on the
 * portal's address, so stored scores are computed the same wherever they are computed;
 * evidence shows the portal's own IRIs relative to it.
 */
export const SCORING_BASE = 'https://odp.invalid';

export const SCORE_BATCH = 200;

/** The scores of the given datasets, from their DCAT-AP graphs, their checks and one SHACL run. */
export async function scoreDatasets(
  catalogue: CatalogueContext,
  records: readonly DatasetRecord[],
): Promise<Map<number, MetadataScore>> {
  const options = { publicUrl: SCORING_BASE };
  const ids = new PortalIris(SCORING_BASE);
  const graphs = records.map((r) => ({ record: r, graph: datasetGraph(r, options) }));
  const owners = new Map<string, number[]>();
  for (const { record, graph } of graphs) {
    for (const q of graph.quads) {
      const list = owners.get(q.subject.value) ?? [];
      if (list[list.length - 1] !== record.datasetId) list.push(record.datasetId);
      owners.set(q.subject.value, list);
    }
  }
  const report = await validateDcatAp(graphs.flatMap((g) => g.graph.quads));
  const reports = new Map<number, ShaclReport>(
    records.map((r) => [r.datasetId, { conforms: true, results: [] } as ShaclReport]),
  );
  for (const result of report.results) {
    for (const datasetId of owners.get(result.focusNode) ?? []) {
      const own = reports.get(datasetId);
      if (!own) continue;
      own.results.push(result);
      if (result.severity === 'violation') own.conforms = false;
    }
  }
  const answering = await answeringUrls(
    catalogue.db,
    records.map((r) => r.datasetId),
  );
  return new Map(
    graphs.map(({ record, graph }) => [
      record.datasetId,
      scoreMetadata({
        dataset: ids.dataset(record.datasetId).value,
        quads: graph.quads,
        answeringUrls: answering.get(record.datasetId) ?? new Set(),
        shacl: reports.get(record.datasetId) ?? { conforms: true, results: [] },
        base: SCORING_BASE,
      }),
    ]),
  );
}

/** Recomputes and stores the scores of the given datasets (missing ones are skipped). */
export async function rescoreDatasets(
  catalogue: CatalogueContext,
  datasetIds: readonly number[],
  now: Date = new Date(),
): Promise<Map<number, MetadataScore>> {
  const scores = new Map<number, MetadataScore>();
  for (let i = 0; i < datasetIds.length; i += SCORE_BATCH) {
    const records = await loadDatasets(catalogue.db, datasetIds.slice(i, i + SCORE_BATCH));
    const batch = await scoreDatasets(catalogue, records);
    await saveScores(
      catalogue.db,
      [...batch].map(([datasetId, score]) => ({ datasetId, score })),
      now.toISOString(),
    );
    for (const [id, score] of batch) scores.set(id, score);
  }
  return scores;
}

/** Rescores the dataset of a resource (by row id) after its check; nothing when it is gone. */
export async function rescoreDatasetOfResource(
  catalogue: CatalogueContext,
  resourceRowId: number,
): Promise<void> {
  const row = await catalogue.db
    .selectFrom('resources')
    .select('datasetId')
    .where('id', '=', resourceRowId)
    .executeTakeFirst();
  if (row) await rescoreDatasets(catalogue, [row.datasetId]);
}

export interface RescoreSummary {
  scored: number;
  bands: Record<Band, number>;
}

/** Recomputes every dataset's score, a batch at a time, reporting progress after each batch. */
export async function rescoreCatalogue(
  catalogue: CatalogueContext,
  options: { onStart?: (total: number) => void; onProgress?: (done: number) => void; now?: Date } = {},
): Promise<RescoreSummary> {
  options.onStart?.(await countDatasets(catalogue.db));
  const bands: Record<Band, number> = { excellent: 0, good: 0, sufficient: 0, bad: 0 };
  let scored = 0;
  let after = 0;
  for (;;) {
    const ids = await datasetIdsAfter(catalogue.db, after, SCORE_BATCH);
    if (ids.length === 0) break;
    const scores = await rescoreDatasets(catalogue, ids, options.now);
    for (const score of scores.values()) bands[score.band]++;
    scored += scores.size;
    after = ids[ids.length - 1] as number;
    options.onProgress?.(scored);
  }
  return { scored, bands };
}
