import { decodeText, type EncodingName } from '@odp/convert';
import path from 'node:path';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createDatasets, updateDatasetMetadata } from '../datasets/dataset.service.ts';
import { itemFromCsvRow } from './catalogue-csv-item.ts';
import { readCatalogueCsv } from './catalogue-csv-read.ts';
import { planImport } from './catalogue-import-plan.ts';
import { readCatalogueJson } from './catalogue-json-item.ts';
import type { ImportItem } from './import-item.ts';
import { importInvalid, type ImportProblem } from './import-problem.ts';

export interface ImportOptions {
  /** The file's name: versions are recorded with actor `import:<name>`. */
  fileName: string;
  now?: Date;
}

export interface ImportSummary {
  format: 'csv' | 'json';
  encoding: EncodingName;
  bom: boolean;
  /** Datasets in the file. */
  datasets: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** JSON when the text starts with `[` or `{`; the CSV export starts with its header. */
export function detectCatalogueFormat(text: string): 'csv' | 'json' {
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

function readItems(
  text: string,
  format: 'csv' | 'json',
): { items: ImportItem[]; problems: ImportProblem[]; unreadable: boolean } {
  if (format === 'json') return readCatalogueJson(text);
  const { rows, problems, unreadable } = readCatalogueCsv(text);
  const items = unreadable ? [] : rows.map(itemFromCsvRow);
  return { items, problems: [...problems, ...items.flatMap((i) => i.problems)], unreadable };
}

const byPlace = (a: ImportProblem, b: ImportProblem): number =>
  (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0);

/**
 * Imports a catalogue file: the data.gov.tw 22-column CSV (UTF-8 with or without BOM,
 * or CP950) or the JSON export. All or nothing: the whole file is read and checked
 * first, and any problem fails the import with IMPORT_INVALID naming line and column;
 * then every change is written in one transaction. A dataset whose datasetId exists is
 * updated (a version with actor `import:<file>`, action `import`); others are created.
 */
export async function importCatalogue(
  ctx: CatalogueContext,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportSummary> {
  const decoded = decodeText(bytes);
  const format = detectCatalogueFormat(decoded.text);
  const { items, problems, unreadable } = readItems(decoded.text, format);
  if (unreadable) throw importInvalid(problems.sort(byPlace));

  const actor = `import:${path.basename(options.fileName)}`;
  const now = options.now ?? new Date();
  return inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    // Problems of single rows and problems only the database shows are reported together.
    const plan = await planImport(tx, items);
    const all = [...problems, ...plan.problems];
    if (all.length > 0) throw importInvalid(all.sort(byPlace));
    await createDatasets(tx, plan.creates, { actor, action: 'import', now });
    let updated = 0;
    for (const u of plan.updates) {
      const { changed } = await updateDatasetMetadata(tx, u.datasetId, u.input, {
        actor,
        action: 'import',
        mode: 'replace',
        system: u.system,
        now,
      });
      if (changed) updated++;
    }
    return {
      format,
      encoding: decoded.encoding,
      bom: decoded.bom,
      datasets: items.length,
      created: plan.creates.length,
      updated,
      unchanged: plan.unchanged + plan.updates.length - updated,
    };
  });
}
