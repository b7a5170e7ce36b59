import type { Migration } from 'kysely/migration';
import * as catalogue from './2026-11-27-0001-catalogue.ts';

/** Every migration, by its frozen dated name. Kysely runs them in name order. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27-0001-catalogue': catalogue,
};
