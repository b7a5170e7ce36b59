/**
 * Every error the portal returns, by stable code. docs/errors.md documents each one
 * (a test checks). Clients branch on `code`, never on the message.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 400,
    description: 'The request body or query does not match the schema; `details` lists each field.',
  },
  INVALID_IDENTIFIER: {
    status: 400,
    description: 'A dataset identifier or resourceID does not follow 機關代碼-流水號 / identifier-NNN.',
  },
  INVALID_STATUS_TRANSITION: {
    status: 409,
    description: 'The dataset lifecycle does not allow this status change.',
  },
  UNAUTHORIZED: {
    status: 401,
    description:
      'The request needs credentials (an API key or the admin token in `Authorization`; a signed-in session on back-office pages), or the Authorization header holds neither.',
  },
  API_KEY_REFUSED: {
    status: 401,
    description:
      'The API key does not exist, was revoked, has expired, its owner is disabled, or it may not be used from this source address (data.gov.tw v2: ER0001).',
  },
  FORBIDDEN: {
    status: 403,
    description:
      'Signed in, but without the role this needs in the organisation that owns the dataset (docs/accounts.md lists the roles).',
  },
  CSRF_INVALID: {
    status: 403,
    description:
      'A form post without the CSRF token of its session (or sign-in page): reload the page and send the form again.',
  },
  NOT_FOUND: { status: 404, description: 'No such route.' },
  RATE_LIMITED: {
    status: 429,
    description:
      'Too many sign-in, registration or password-reset attempts from this address: wait a minute (see `Retry-After`) and try again.',
  },
  DATASET_NOT_FOUND: { status: 404, description: 'No dataset with this datasetId or identifier.' },
  ORGANIZATION_NOT_FOUND: { status: 404, description: 'No organisation with this id, OID or agency code.' },
  RESOURCE_NOT_FOUND: { status: 404, description: 'No resource with this resourceID.' },
  VERSION_NOT_FOUND: { status: 404, description: 'The dataset has no such version.' },
  CONVERTED_COPY_UNAVAILABLE: {
    status: 404,
    description:
      'The platform has no CSV/JSON/XML copy of this resource: its file was not fetched whole, is over the fetch byte limit, or is not structured data.',
  },
  CONVERSION_FAILED: {
    status: 422,
    description:
      "The resource's stored file could not be converted; `details.convertCode` is the converter's code (INVALID_ENCODING, INVALID_JSON …).",
  },
  TABLE_UNAVAILABLE: {
    status: 404,
    description:
      'The resource has no queryable table: its file was not fetched whole, is over the fetch byte limit, or is not structured data; `details.reason` says which.',
  },
  TABLE_NOT_GEOGRAPHIC: {
    status: 422,
    description:
      'GeoJSON was asked of a table without a longitude/latitude pair (WGS84, or TWD97 X/Y the converter turned into longitude/latitude).',
  },
  MAP_UNAVAILABLE: {
    status: 404,
    description:
      'The resource has nothing to draw on a map: it is not GeoJSON or KML and its table has no coordinate columns, or its file was not fetched whole; the message says which.',
  },
  PRIVACY_BLOCKED: {
    status: 451,
    description:
      "The resource's latest privacy check found personal data (identity numbers, mobile numbers, e-mail addresses, names beside addresses): it is not previewed, queried or converted until the agency removes or masks it.",
  },
  QUERY_TIMEOUT: {
    status: 503,
    description:
      'A data API query ran past its time limit (ODP_DATA_QUERY_TIMEOUT_MS) and was stopped: narrow it with filters or a smaller limit.',
  },
  DUPLICATE_IDENTIFIER: {
    status: 409,
    description: 'Another dataset or resource already uses this identifier.',
  },
  IMPORT_INVALID: {
    status: 400,
    description: 'An import file is malformed; the message names the line and column. Nothing was written.',
  },
  CONFIG_INVALID: { status: 500, description: 'A setting is missing or malformed; the message names it.' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body is over the size limit.' },
  FILE_EMPTY: { status: 400, description: 'An uploaded file has no bytes.' },
  ARCHIVE_TOO_MANY_ENTRIES: {
    status: 422,
    description: 'An uploaded ZIP archive (or ZIP-based file such as XLSX) lists more entries than allowed.',
  },
  ARCHIVE_TOO_LARGE: {
    status: 422,
    description:
      'An uploaded ZIP archive would inflate past the total size limit, or one entry compresses suspiciously well (a likely zip bomb).',
  },
  FILE_NOT_FOUND: {
    status: 404,
    description: 'The resource has no uploaded file (in this version).',
  },
  STORAGE_UNAVAILABLE: {
    status: 503,
    description: 'The file storage (the S3-compatible bucket) did not answer or refused the request.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description: 'The request body has a Content-Type the endpoint does not accept (send application/json).',
  },
  INTERNAL: {
    status: 500,
    description: 'An unexpected error. The response carries a request id that is in the server log.',
  },
  NOT_READY: { status: 503, description: 'The server cannot reach its database.' },
  JOB_INVALID: {
    status: 400,
    description:
      "A job's name or options are malformed (names: letters, digits, `.` `_` `-` `/`; retries, delays and timeouts: whole seconds).",
  },
  JOB_CRON_INVALID: {
    status: 400,
    description:
      "A schedule's cron expression cannot be read (5 fields, or 6 with seconds first; read in UTC).",
  },
  FIX_NOT_FOUND: {
    status: 404,
    description:
      "The dataset's fix list has no such fix (now): it is fixed, or the checks have not found it yet.",
  },
  FIX_NOT_ONE_CLICK: {
    status: 409,
    description: 'The fix is not one the platform can make itself; its `how` says what to do.',
  },
  FIX_SOURCE_UNAVAILABLE: {
    status: 409,
    description:
      'A one-click fix needs the whole file: the platform has no uploaded file of the resource and the checker did not fetch it whole.',
  },
  JOBS_UNAVAILABLE: {
    status: 503,
    description: 'This process runs without a job queue, so it cannot show jobs.',
  },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
