import type { Settings } from '../config/settings.ts';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** What route plugins are given: the database, the settings and (when there is one) the job queue. */
export interface RouteDeps {
  catalogue: CatalogueContext;
  settings: Settings;
  jobQueue?: JobQueue | undefined;
}
