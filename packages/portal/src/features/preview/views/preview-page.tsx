import { href, type PageContext } from '../../pages/page-context.ts';
import { Chinese, Pager } from '../../pages/views/common.tsx';
import { Layout } from '../../pages/views/layout.tsx';
import { previewMessages, type PreviewMessages } from '../preview-messages.ts';
import { chartPath, previewPath } from '../preview-paths.ts';
import {
  FILTER_OPERATORS,
  MAX_PREVIEW_OFFSET,
  PREVIEW_PAGE_SIZES,
  type PreviewQuery,
} from '../preview.schema.ts';
import { cellText } from './cell-text.ts';
import { ColumnProfiles, type ColumnProfileView } from './column-profiles.tsx';
import { LabelledSelect } from './labelled-select.tsx';

/**
 * 資料預覽: one page of a resource's rows as an accessible table. Paging, sorting (the
 * column headers are links; `aria-sort` says which) and one filter are all query
 * parameters, so the page works without JavaScript; the column profiles follow.
 */

export interface PreviewResource {
  datasetId: number;
  datasetTitle: string;
  resourceId: string;
  name: string;
}

export interface PreviewPageData {
  resource: PreviewResource;
  query: PreviewQuery;
  rows: {
    total: number;
    fields: readonly { name: string; type: string }[];
    records: readonly Record<string, unknown>[];
    truncated: boolean;
  };
  profile: { rows: number; columns: readonly ColumnProfileView[] };
}

/** The trail to a resource's page: the dataset, then this page. */
export function resourceCrumbs(ctx: PageContext, resource: PreviewResource, label: string) {
  return [
    { label: ctx.m.nav.datasets, path: '/datasets' },
    { label: resource.datasetTitle, path: `/dataset/${resource.datasetId}` },
    { label },
  ];
}

function SortHeader({
  ctx,
  pm,
  data,
  column,
}: {
  ctx: PageContext;
  pm: PreviewMessages;
  data: PreviewPageData;
  column: string;
}) {
  const { query, resource } = data;
  const ascending = query.sort === column;
  const descending = query.sort === `-${column}`;
  const next = ascending ? `-${column}` : column;
  const target = previewPath(resource.datasetId, resource.resourceId, { ...query, sort: next, offset: 0 });
  return (
    <th scope="col" aria-sort={ascending ? 'ascending' : descending ? 'descending' : undefined}>
      <a href={href(ctx, target)} title={pm.sortBy(column)}>
        <Chinese ctx={ctx} text={column} />
        {ascending ? (
          <span aria-hidden="true"> ▲</span>
        ) : descending ? (
          <span aria-hidden="true"> ▼</span>
        ) : null}
      </a>
    </th>
  );
}

export function FilterForm({
  ctx,
  pm,
  action,
  fields,
  query,
  hidden,
}: {
  ctx: PageContext;
  pm: PreviewMessages;
  action: string;
  fields: readonly { name: string }[];
  query: { filter?: string | undefined; op: string; value?: string | undefined };
  /** Other state the form keeps (sort, page size, chart settings). */
  hidden: Record<string, string | number | undefined>;
}) {
  return (
    <fieldset class="filter-fields">
      <legend>{pm.filter}</legend>
      {Object.entries(hidden).map(([name, value]) =>
        value === undefined || value === '' ? null : (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ),
      )}
      <LabelledSelect
        id="filter-column"
        name="filter"
        label={pm.filterColumn}
        options={fields.map((f) => ({ value: f.name, text: f.name }))}
        selected={query.filter}
        empty={pm.none}
      />
      <LabelledSelect
        id="filter-op"
        name="op"
        label={pm.filterOperator}
        options={FILTER_OPERATORS.map((op) => ({ value: op, text: pm.operators[op] }))}
        selected={query.op}
      />
      <p>
        <label for="filter-value">{pm.filterValue}</label>
        <input
          id="filter-value"
          name="value"
          type="text"
          value={query.value ?? ''}
          aria-describedby="filter-hint"
        />
      </p>
      <p id="filter-hint" class="muted">
        {pm.filterHint}
      </p>
      <p class="form-actions">
        <a href={href(ctx, action)}>{pm.clear}</a>
      </p>
    </fieldset>
  );
}

function PreviewTable({ ctx, pm, data }: { ctx: PageContext; pm: PreviewMessages; data: PreviewPageData }) {
  const { rows, query } = data;
  const from = rows.records.length === 0 ? 0 : query.offset + 1;
  const to = query.offset + rows.records.length;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="preview-caption">
      <table class="preview-table">
        <caption id="preview-caption">{pm.tableCaption(from, to, rows.total)}</caption>
        <thead>
          <tr>
            {rows.fields.map((f) => (
              <SortHeader key={f.name} ctx={ctx} pm={pm} data={data} column={f.name} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.records.map((record, i) => (
            <tr key={i}>
              {rows.fields.map((f) => (
                <td key={f.name} class={f.type === 'integer' || f.type === 'decimal' ? 'number' : undefined}>
                  {cellText(record[f.name])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PreviewPage({ ctx, data }: { ctx: PageContext; data: PreviewPageData }) {
  const pm = previewMessages(ctx.locale);
  const { resource, query, rows } = data;
  const base = previewPath(resource.datasetId, resource.resourceId);
  const title = pm.previewTitle(resource.name);
  const apiQuery = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.sort) apiQuery.set('sort', query.sort);
  if (query.filter && query.value !== undefined) apiQuery.set(`${query.filter}__${query.op}`, query.value);
  return (
    <Layout ctx={ctx} title={title} section="datasets" crumbs={resourceCrumbs(ctx, resource, pm.preview)}>
      <h1>
        <Chinese ctx={ctx} text={resource.name} />
        <span class="muted"> — {pm.preview}</span>
      </h1>
      <ul class="resource-tabs">
        <li>
          <a href={href(ctx, `/dataset/${resource.datasetId}`)}>{pm.backToDataset}</a>
        </li>
        <li>
          <a href={href(ctx, base)} aria-current="page">
            {pm.preview}
          </a>
        </li>
        <li>
          <a href={href(ctx, chartPath(resource.datasetId, resource.resourceId))}>{pm.chart}</a>
        </li>
      </ul>
      <form class="preview-filter" method="get" action={href(ctx, base)}>
        <FilterForm
          ctx={ctx}
          pm={pm}
          action={base}
          fields={rows.fields}
          query={query}
          hidden={{ sort: query.sort }}
        />
        <p>
          <label for="preview-limit">{pm.pageSize}</label>
          <select id="preview-limit" name="limit">
            {PREVIEW_PAGE_SIZES.map((size) => (
              <option key={size} value={size} selected={query.limit === size}>
                {size}
              </option>
            ))}
          </select>
          <button type="submit">{pm.apply}</button>
        </p>
      </form>
      {rows.truncated ? <p class="notice">{pm.truncated}</p> : null}
      <PreviewTable ctx={ctx} pm={pm} data={data} />
      <Pager
        ctx={ctx}
        total={rows.total}
        limit={query.limit}
        offset={query.offset}
        maxOffset={MAX_PREVIEW_OFFSET}
        pathFor={(offset) => previewPath(resource.datasetId, resource.resourceId, { ...query, offset })}
      />
      <p>
        <a
          href={`/api/v1/resources/${encodeURIComponent(resource.resourceId)}/data?${apiQuery.toString()}`}
          type="application/json"
        >
          {pm.apiLink}
        </a>
      </p>
      <ColumnProfiles ctx={ctx} pm={pm} profile={data.profile} />
    </Layout>
  );
}
