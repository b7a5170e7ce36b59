import type { Migration } from 'kysely/migration';
import * as catalogue from './2026-11-27-0001-catalogue.ts';
import * as jobs from './2026-11-27-0002-jobs.ts';
import * as quality from './2026-11-27-0003-quality.ts';
import * as search from './2026-11-27-0004-search.ts';
import * as facetStamp from './2026-11-27-0005-facet-stamp.ts';
import * as usageStats from './2026-11-27-0006-usage-stats.ts';
import * as fetchedBodyTruncated from './2026-11-27-0007-fetched-body-truncated.ts';
import * as accounts from './2026-11-27-0008-accounts.ts';
import * as resourceTables from './2026-11-27-0009-resource-tables.ts';
import * as metadataScores from './2026-11-27-0010-metadata-scores.ts';
import * as qualitySnapshots from './2026-11-27-0011-quality-snapshots.ts';

/** Every migration, by its frozen dated name. Kysely runs them in name order. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27-0001-catalogue': catalogue,
  '2026-11-27-0002-jobs': jobs,
  '2026-11-27-0003-quality': quality,
  '2026-11-27-0004-search': search,
  '2026-11-27-0005-facet-stamp': facetStamp,
  '2026-11-27-0006-usage-stats': usageStats,
  '2026-11-27-0007-fetched-body-truncated': fetchedBodyTruncated,
  '2026-11-27-0008-accounts': accounts,
  '2026-11-27-0009-resource-tables': resourceTables,
  '2026-11-27-0010-metadata-scores': metadataScores,
  '2026-11-27-0011-quality-snapshots': qualitySnapshots,
};
