import { CHART_EXPORT_SCRIPT_HREF } from '../../pages/page-assets.ts';
import { href, type PageContext } from '../../pages/page-context.ts';
import { Chinese } from '../../pages/views/common.tsx';
import { Layout } from '../../pages/views/layout.tsx';
import type { ChartResult } from '../chart-data.ts';
import type { ChartSuggestion } from '../chart-suggestions.ts';
import { CHART_HEIGHT, CHART_WIDTH } from '../chart-svg.ts';
import { DATE_BUCKETS } from '../date-bucket.ts';
import { previewMessages, type PreviewMessages } from '../preview-messages.ts';
import { chartPath, embedPath, previewPath } from '../preview-paths.ts';
import { AGGREGATES, CHART_TYPES, type ChartQuery } from '../preview.schema.ts';
import { ChartFigure, ChartTable } from './chart-figure.tsx';
import { LabelledSelect } from './labelled-select.tsx';
import { FilterForm, resourceCrumbs, type PreviewResource } from './preview-page.tsx';

/**
 * 圖表: the chart builder (a GET form: the chart's state is its URL), suggested charts
 * from the column profile, and the chart drawn on the server as SVG with its summary,
 * its numbers as a table, SVG and PNG downloads and an `<iframe>` snippet to embed it.
 */

export interface ChartPageData {
  resource: PreviewResource;
  query: ChartQuery;
  columns: readonly { name: string }[];
  suggestions: ChartSuggestion[];
  /** Undefined until an X column is chosen. */
  chart: { result: ChartResult; svg: string } | undefined;
}

/** Heights the embed snippet gives the frame: the chart and room for its summary and source line. */
export const EMBED_HEIGHT = CHART_HEIGHT + 160;

function ColumnSelect({
  id,
  name,
  label,
  columns,
  value,
  optional,
  pm,
}: {
  id: string;
  name: string;
  label: string;
  columns: readonly { name: string }[];
  value: string | undefined;
  optional: boolean;
  pm: PreviewMessages;
}) {
  return (
    <LabelledSelect
      id={id}
      name={name}
      label={label}
      options={columns.map((c) => ({ value: c.name, text: c.name }))}
      selected={value}
      {...(optional || value === undefined ? { empty: pm.none } : {})}
    />
  );
}

function ChartBuilder({ ctx, pm, data }: { ctx: PageContext; pm: PreviewMessages; data: ChartPageData }) {
  const { query, resource, columns } = data;
  const action = chartPath(resource.datasetId, resource.resourceId);
  return (
    <form class="chart-builder" method="get" action={href(ctx, action)} aria-labelledby="chart-builder">
      <h2 id="chart-builder">{pm.chartBuilder}</h2>
      <fieldset>
        <legend>{pm.chartType}</legend>
        <ul class="choice-list">
          {CHART_TYPES.map((type) => (
            <li key={type}>
              <input
                type="radio"
                id={`chart-type-${type}`}
                name="type"
                value={type}
                checked={query.type === type}
              />
              <label for={`chart-type-${type}`}>{pm.chartTypes[type]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div class="builder-fields">
        <ColumnSelect
          id="chart-x"
          name="x"
          label={pm.xColumn}
          columns={columns}
          value={query.x}
          optional
          pm={pm}
        />
        <LabelledSelect
          id="chart-bucket"
          name="bucket"
          label={pm.bucket}
          options={DATE_BUCKETS.map((b) => ({ value: b, text: pm.buckets[b] }))}
          selected={query.bucket}
          empty={pm.buckets.none}
        />
        <LabelledSelect
          id="chart-agg"
          name="agg"
          label={pm.aggregate}
          options={AGGREGATES.map((agg) => ({ value: agg, text: pm.aggregates[agg] }))}
          selected={query.agg}
        />
        <ColumnSelect
          id="chart-y"
          name="y"
          label={pm.yColumn}
          columns={columns}
          value={query.y}
          optional
          pm={pm}
        />
        <ColumnSelect
          id="chart-group"
          name="group"
          label={pm.group}
          columns={columns}
          value={query.group}
          optional
          pm={pm}
        />
      </div>
      <FilterForm ctx={ctx} pm={pm} action={action} fields={columns} query={query} hidden={{}} />
      <p>
        <button type="submit">{pm.draw}</button>
      </p>
    </form>
  );
}

function Suggestions({ ctx, pm, data }: { ctx: PageContext; pm: PreviewMessages; data: ChartPageData }) {
  return (
    <section aria-labelledby="chart-suggestions">
      <h2 id="chart-suggestions">{pm.suggestions}</h2>
      {data.suggestions.length === 0 ? (
        <p>{pm.noSuggestions}</p>
      ) : (
        <ul class="chart-suggestions">
          {data.suggestions.map((s, i) => (
            <li key={i}>
              <a href={href(ctx, chartPath(data.resource.datasetId, data.resource.resourceId, s.params))}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Export({
  ctx,
  pm,
  data,
  title,
}: {
  ctx: PageContext;
  pm: PreviewMessages;
  data: ChartPageData;
  title: string;
}) {
  const { resource, query } = data;
  const svgHref = href(ctx, chartPath(resource.datasetId, resource.resourceId, query, 'chart.svg'));
  const embedSrc = `${ctx.publicUrl}${href(ctx, embedPath(resource.datasetId, resource.resourceId, query))}`;
  const snippet = `<iframe src="${embedSrc.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" title="${title
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')}" width="${CHART_WIDTH}" height="${EMBED_HEIGHT}" loading="lazy"></iframe>`;
  const fileName = resource.resourceId.replace(/[^A-Za-z0-9._-]/g, '_');
  return (
    <section aria-labelledby="chart-export">
      <h2 id="chart-export">{pm.export}</h2>
      <ul class="export-links">
        <li>
          <a href={svgHref} download={`${fileName}-chart.svg`} type="image/svg+xml">
            {pm.downloadSvg}
          </a>
        </li>
        <li>
          <button
            type="button"
            class="chart-png"
            hidden
            data-chart-png=".chart-image svg"
            data-file-name={`${fileName}-chart.png`}
            data-unavailable={pm.pngUnavailable}
          >
            {pm.downloadPng}
          </button>
        </li>
      </ul>
      <p>
        <label for="embed-code">{pm.embedHint}</label>
      </p>
      <textarea id="embed-code" class="embed-code" readonly rows={3} data-embed-src={embedSrc}>
        {snippet}
      </textarea>
      <script defer src={CHART_EXPORT_SCRIPT_HREF} />
    </section>
  );
}

export function ChartPage({ ctx, data }: { ctx: PageContext; data: ChartPageData }) {
  const pm = previewMessages(ctx.locale);
  const { resource } = data;
  const title = pm.chartTitle(resource.name);
  return (
    <Layout ctx={ctx} title={title} section="datasets" crumbs={resourceCrumbs(ctx, resource, pm.chart)}>
      <h1>
        <Chinese ctx={ctx} text={resource.name} />
        <span class="muted"> — {pm.chart}</span>
      </h1>
      <ul class="resource-tabs">
        <li>
          <a href={href(ctx, `/dataset/${resource.datasetId}`)}>{pm.backToDataset}</a>
        </li>
        <li>
          <a href={href(ctx, previewPath(resource.datasetId, resource.resourceId))}>{pm.preview}</a>
        </li>
        <li>
          <a href={href(ctx, chartPath(resource.datasetId, resource.resourceId))} aria-current="page">
            {pm.chart}
          </a>
        </li>
      </ul>
      <Suggestions ctx={ctx} pm={pm} data={data} />
      {data.chart ? (
        <section aria-labelledby="chart-title">
          <h2 id="chart-title">{data.chart.result.drawing.title}</h2>
          <ChartFigure pm={pm} result={data.chart.result} svg={data.chart.svg} />
          <ChartTable pm={pm} result={data.chart.result} />
          <Export ctx={ctx} pm={pm} data={data} title={data.chart.result.drawing.title} />
        </section>
      ) : (
        <p class="notice">{pm.chooseX}</p>
      )}
      <ChartBuilder ctx={ctx} pm={pm} data={data} />
    </Layout>
  );
}
