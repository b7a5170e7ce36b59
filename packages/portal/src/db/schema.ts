import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it (camelCase; CamelCasePlugin maps to snake_case).
 * Times are ISO-8601 text on both databases; JSON is stored as text.
 */
export interface OrganizationTable {
  id: Generated<number>;
  oid: string | null;
  agencyCode: string | null;
  nameZh: string;
  nameEn: string | null;
  parentId: number | null;
  level: string;
  phone: string | null;
  address: string | null;
  dn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DatasetTable {
  id: Generated<number>;
  identifier: string;
  organizationId: number | null;
  status: string;
  categoryCode: string;
  type: string;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string;
  descriptionEn: string | null;
  fieldDescription: string;
  /** JSON: FieldDescription[] derived from fieldDescription or given structured. */
  fields: string;
  license: string;
  licenseUrl: string | null;
  cost: string;
  costUrl: string | null;
  costLaw: string | null;
  organizationName: string | null;
  organizationContactName: string | null;
  organizationContactPhone: string | null;
  organizationContactEmail: string | null;
  publisherName: string;
  publisherOid: string | null;
  publisherContactName: string | null;
  publisherContactPhone: string | null;
  publisherContactEmail: string | null;
  accrualPeriodicity: string;
  /** JSON: UpdateFrequency | null */
  accrual: string | null;
  temporalFrom: string | null;
  temporalTo: string | null;
  issued: string | null;
  modified: string | null;
  spatial: string | null;
  language: string | null;
  landingPage: string | null;
  /** JSON: string[] (also in dataset_keywords for filtering) */
  keywords: string;
  numberOfData: number | null;
  notes: string | null;
  accessLevel: string;
  publicationMethod: string;
  qualityBadge: string | null;
  whitelisted: number;
  delistingDate: string | null;
  publishedAt: string | null;
  metadataModifiedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ResourceTable {
  id: Generated<number>;
  datasetId: number;
  resourceId: string;
  seq: number;
  description: string;
  format: string;
  encoding: string;
  accessUrl: string | null;
  downloadUrl: string | null;
  fileKey: string | null;
  size: number | null;
  checksum: string | null;
  /** JSON: {name, description}[] */
  fields: string;
  requestMethod: string | null;
  oasUrl: string | null;
  /** JSON or null */
  requestParameters: string | null;
  pathParameters: string | null;
  amount: number | null;
  notes: string | null;
  metadataSource: string | null;
  resourceModified: string | null;
  qualityLevel: string | null;
  qualityCheckedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DatasetKeywordTable {
  datasetId: number;
  keyword: string;
  position: number;
}

export interface DatasetThemeTable {
  datasetId: number;
  themeCode: string;
}

export interface DatasetVersionTable {
  id: Generated<number>;
  datasetId: number;
  version: number;
  actor: string;
  action: string;
  /** JSON: { field: { from, to } } */
  changes: string;
  /** JSON: the whole dataset with its resources after the change */
  snapshot: string;
  createdAt: string;
}

/** SQLite only (pg-boss keeps its own tables on PostgreSQL): one row a job. */
export interface JobTable {
  /** A UUID, as pg-boss's ids are. */
  id: string;
  name: string;
  /** JSON object or null */
  data: string | null;
  /** created, retry, active, completed, failed, cancelled */
  state: string;
  priority: number;
  /** Attempts started so far. */
  attempts: number;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  singletonKey: string | null;
  /** For a job a schedule sent: the occurrence (ISO time) it was sent for. */
  scheduleSlot: string | null;
  startAfter: string;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** The worker holding an active job, and until when. */
  lockedBy: string | null;
  lockExpiresAt: string | null;
  lastError: string | null;
}

/** SQLite only: one cron schedule a job name. */
export interface JobScheduleTable {
  name: string;
  cron: string;
  /** JSON object or null */
  data: string | null;
  /** JSON: SendOptions */
  options: string;
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  organizations: OrganizationTable;
  datasets: DatasetTable;
  resources: ResourceTable;
  datasetKeywords: DatasetKeywordTable;
  datasetThemes: DatasetThemeTable;
  datasetVersions: DatasetVersionTable;
  jobs: JobTable;
  jobSchedules: JobScheduleTable;
  qualityRuns: QualityRunTable;
  resourceChecks: ResourceCheckTable;
  /** SQLite only: the FTS5 search index (rowid = datasets.id). */
  searchFts: SearchFtsTable;
  /** SQLite only: the terms of searchFts (fts5vocab, row). */
  searchFtsVocab: SearchFtsVocabTable;
  /** PostgreSQL only: the search index. */
  searchDocuments: SearchDocumentTable;
  usageEvents: UsageEventTable;
  datasetUsageDaily: DatasetUsageDailyTable;
  siteUsageDaily: SiteUsageDailyTable;
  datasetUsageTotals: DatasetUsageTotalsTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  apiKeys: ApiKeyTable;
  accountTokens: AccountTokenTable;
  storedFiles: StoredFileTable;
  auditLog: AuditLogTable;
  resourceTables: ResourceTableTable;
  datasetMetadataScores: DatasetMetadataScoreTable;
  qualitySnapshots: QualitySnapshotTable;
  qualityNotifications: QualityNotificationTable;
}

/** A resource's normalised table (Parquet) built from one fetched body (docs/data-api.md). */
export interface ResourceTableTable {
  id: Generated<number>;
  resourceId: number;
  sha256: string;
  /** tables/<sha256>.parquet under the data directory; null when the build failed. */
  parquetKey: string | null;
  rowCount: number | null;
  /** JSON: [{ name, type }] */
  fields: string | null;
  /** JSON: the column profile, once computed. */
  profile: string | null;
  builtAt: string;
  errorCode: string | null;
  errorMessage: string | null;
}

/** One quality check run of a resource (history). */
export interface QualityRunTable {
  id: Generated<number>;
  resourceId: number;
  startedAt: string;
  finishedAt: string;
  /** publish, change, schedule, manual */
  trigger: string;
  badge: string;
  httpStatus: number | null;
  fetchError: string | null;
  sniffedFormat: string | null;
  sha256: string | null;
  bytes: number | null;
  etag: string | null;
  lastModified: string | null;
  /** 1 when the content's checksum differs from the previous run's. */
  contentChanged: Generated<number>;
  /** JSON: { [checkId]: { status, version, evidence, fix } } */
  results: string;
  /** 1: the body kept is cut at the fetch byte budget; 0: it is the whole file; null: unknown or no body. */
  bodyTruncated: number | null;
}

/** The latest result of one check of one resource. */
export interface ResourceCheckTable {
  resourceId: number;
  checkId: string;
  checkVersion: number;
  status: string;
  /** JSON */
  evidence: string;
  fixZh: string | null;
  fixEn: string | null;
  checkedAt: string;
}

/** The analyser's tokens of a dataset's searchable fields, each joined by spaces (indexText). */
export interface SearchTokenColumns {
  title: string;
  keywords: string;
  /** 主要欄位說明 */
  fields: string;
  description: string;
  agency: string;
}

/** SQLite FTS5 search index: rowid is datasets.id. */
export interface SearchFtsTable extends SearchTokenColumns {
  rowid: number;
}

/** SQLite fts5vocab 'row' view of the search index. */
export interface SearchFtsVocabTable {
  term: string;
  doc: number;
  cnt: number;
}

/** PostgreSQL search index: the token columns and their weighted tsvector (generated). */
export interface SearchDocumentTable extends SearchTokenColumns {
  datasetId: number;
  document: Generated<string>;
}

/** One counted request (docs/counting.md): append-only, written in batches; no personal data. */
export interface UsageEventTable {
  id: Generated<number>;
  occurredAt: string;
  /** view, download, api */
  kind: string;
  /** The dataset the path names: by datasetId, or by identifier (resolved when aggregated). */
  datasetId: number | null;
  datasetIdentifier: string | null;
  /** 資料資源編號, for downloads */
  resourceId: string | null;
}

/** One dataset's counts on one day (YYYY-MM-DD, Asia/Taipei), from usage_events. */
export interface DatasetUsageDailyTable {
  datasetId: number;
  day: string;
  views: number;
  downloads: number;
  apiCalls: number;
}

/** The whole site's counts on one day, API calls not tied to a dataset included. */
export interface SiteUsageDailyTable {
  day: string;
  views: number;
  downloads: number;
  apiCalls: number;
  aggregatedAt: string;
}

/**
 * A dataset's totals over every aggregated day, and over the 7 days to the last complete
 * day. Written by raw SQL only: CamelCasePlugin reads `views_7d` as views7d but would
 * write views7d as `views7d`.
 */
export interface DatasetUsageTotalsTable {
  datasetId: number;
  viewsTotal: number;
  downloadsTotal: number;
  apiCallsTotal: number;
  views7d: number;
  downloads7d: number;
  apiCalls7d: number;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  displayName: string;
  passwordHash: string | null;
  emailVerifiedAt: string | null;
  platformAdmin: number;
  failedLogins: number;
  lockedUntil: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipTable {
  userId: number;
  organizationId: number;
  role: string;
  createdAt: string;
}

export interface SessionTable {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  prefix: string;
  keyHash: string;
  label: string;
  organizationId: number | null;
  userId: number;
  /** JSON: string[] */
  allowedSources: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface AccountTokenTable {
  tokenHash: string;
  userId: number;
  purpose: string;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface StoredFileTable {
  fileKey: string;
  size: number;
  mediaType: string;
  originalName: string | null;
  createdAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  organizationId: number | null;
  ip: string | null;
  /** JSON object */
  detail: string;
}

/** The metadata quality score of a dataset (docs/quality.md "Metadata quality score"). */
export interface DatasetMetadataScoreTable {
  datasetId: number;
  total: number;
  band: string;
  /** JSON: { findability: { points, max }, … } */
  dimensions: string;
  /** JSON: { keyword: { points, max, evidence }, … } */
  indicators: string;
  computedAt: string;
}

/** A day's badge counts, for the platform (organizationId null) or one agency (docs/quality.md). */
export interface QualitySnapshotTable {
  id: Generated<number>;
  /** YYYY-MM-DD, Asia/Taipei */
  day: string;
  organizationId: number | null;
  /** all, central (中央), local (地方) */
  level: string;
  platinum: number;
  gold: number;
  silver: number;
  bronze: number;
  none: number;
  total: number;
  awardScore: number;
  takenAt: string;
}

/** A badge-drop e-mail sent: at most one a dataset a day (docs/quality.md). */
export interface QualityNotificationTable {
  datasetId: number;
  /** YYYY-MM-DD, Asia/Taipei */
  day: string;
  fromBadge: string;
  toBadge: string;
  recipient: string;
  sentAt: string;
}
