import type { Settings } from '../config/settings.ts';
import type { CatalogueContext } from '../db/catalogue-context.ts';

/** What route plugins are given: the database and the settings. */
export interface RouteDeps {
  catalogue: CatalogueContext;
  settings: Settings;
}
