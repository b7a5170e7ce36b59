// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';

  await db.schema
    .createTable('organizations')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('oid', 'text', (c) => c.unique())
    .addColumn('agency_code', 'text', (c) => c.unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('dn', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_name_zh').on('organizations').column('name_zh').execute();
  await db.schema.createIndex('organizations_parent_id').on('organizations').column('parent_id').execute();

  await db.schema
    .createTable('datasets')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull().unique())
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text')
    .addColumn('field_description', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('license', 'text', (c) => c.notNull())
    .addColumn('license_url', 'text')
    .addColumn('cost', 'text', (c) => c.notNull())
    .addColumn('cost_url', 'text')
    .addColumn('cost_law', 'text')
    .addColumn('organization_name', 'text')
    .addColumn('organization_contact_name', 'text')
    .addColumn('organization_contact_phone', 'text')
    .addColumn('organization_contact_email', 'text')
    .addColumn('publisher_name', 'text', (c) => c.notNull())
    .addColumn('publisher_oid', 'text')
    .addColumn('publisher_contact_name', 'text')
    .addColumn('publisher_contact_phone', 'text')
    .addColumn('publisher_contact_email', 'text')
    .addColumn('accrual_periodicity', 'text', (c) => c.notNull())
    .addColumn('accrual', 'text')
    .addColumn('temporal_from', 'text')
    .addColumn('temporal_to', 'text')
    .addColumn('issued', 'text')
    .addColumn('modified', 'text')
    .addColumn('spatial', 'text')
    .addColumn('language', 'text')
    .addColumn('landing_page', 'text')
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('number_of_data', 'integer')
    .addColumn('notes', 'text')
    .addColumn('access_level', 'text', (c) => c.notNull())
    .addColumn('publication_method', 'text', (c) => c.notNull())
    .addColumn('quality_badge', 'text')
    .addColumn('whitelisted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delisting_date', 'text')
    .addColumn('published_at', 'text')
    .addColumn('metadata_modified_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['organization_id', 'status', 'category_code', 'updated_at', 'publisher_name']) {
    await db.schema.createIndex(`datasets_${column}`).on('datasets').column(column).execute();
  }

  await db.schema
    .createTable('resources')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().unique())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('access_url', 'text')
    .addColumn('download_url', 'text')
    .addColumn('file_key', 'text')
    .addColumn('size', 'bigint')
    .addColumn('checksum', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('request_method', 'text')
    .addColumn('oas_url', 'text')
    .addColumn('request_parameters', 'text')
    .addColumn('path_parameters', 'text')
    .addColumn('amount', 'bigint')
    .addColumn('notes', 'text')
    .addColumn('metadata_source', 'text')
    .addColumn('resource_modified', 'text')
    .addColumn('quality_level', 'text')
    .addColumn('quality_checked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resources_dataset_id')
    .on('resources')
    .columns(['dataset_id', 'seq'])
    .execute();
  await db.schema.createIndex('resources_format').on('resources').column('format').execute();

  await db.schema
    .createTable('dataset_keywords')
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataset_keywords_pk', ['dataset_id', 'position'])
    .execute();
  await db.schema.createIndex('dataset_keywords_keyword').on('dataset_keywords').column('keyword').execute();

  await db.schema
    .createTable('dataset_themes')
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('theme_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataset_themes_pk', ['dataset_id', 'theme_code'])
    .execute();
  await db.schema
    .createIndex('dataset_themes_theme_code')
    .on('dataset_themes')
    .column('theme_code')
    .execute();

  await db.schema
    .createTable('dataset_versions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dataset_versions_dataset_version', ['dataset_id', 'version'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'dataset_versions',
    'dataset_themes',
    'dataset_keywords',
    'resources',
    'datasets',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
