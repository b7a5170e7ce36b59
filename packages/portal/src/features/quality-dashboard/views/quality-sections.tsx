import { ChartDataTable } from '../../preview/views/chart-data-table.tsx';
import { badgeName, levelName } from '../../../i18n/vocabulary-labels.ts';
import { href, type PageContext } from '../../pages/page-context.ts';
import { Chinese, DatasetTitle } from '../../pages/views/common.tsx';
import { checkLabel } from '../check-labels.ts';
import type { DashboardChart } from '../quality-charts.ts';
import { qualityMessages } from '../quality-dashboard-messages.ts';
import type { AttentionDataset, CommonError, QualityFigures } from '../quality-dashboard.service.ts';

/** The parts the quality pages share: a chart with its table and summary, figures, errors, datasets. */

/** A server-drawn chart, its summary sentence and its numbers as a table (open: the table is the chart's text alternative). */
export function DashboardFigure({ ctx, chart }: { ctx: PageContext; chart: DashboardChart }) {
  const q = qualityMessages(ctx.locale);
  return (
    <div class="quality-chart" id={chart.id}>
      <figure class="chart" aria-describedby={`${chart.id}-summary`}>
        <div class="chart-image" dangerouslySetInnerHTML={{ __html: chart.svg }} />
        <figcaption>
          <p id={`${chart.id}-summary`}>
            <strong>{q.summaryLabel}</strong> {chart.summary}
          </p>
        </figcaption>
      </figure>
      <ChartDataTable
        summary={q.dataTable}
        caption={chart.title}
        headers={chart.table.headers}
        rows={chart.table.rows}
        tableId={chart.id}
      />
    </div>
  );
}

/** Award score, share badged and datasets, each marked with `data-figure` (the API's field name). */
export function QualityFacts({
  ctx,
  figures,
  children,
}: {
  ctx: PageContext;
  figures: QualityFigures;
  children?: preact.ComponentChildren;
}) {
  const q = qualityMessages(ctx.locale);
  return (
    <dl class="facts">
      {children}
      <dt>{q.awardScore}</dt>
      <dd data-figure="awardScore">{figures.awardScore}</dd>
      <dt>{q.badgedPercent}</dt>
      <dd data-figure="badgedPercent">{figures.badgedPercent}</dd>
      <dt>{q.datasets}</dt>
      <dd data-figure="total">{figures.badges.total}</dd>
    </dl>
  );
}

export function CommonErrors({ ctx, errors }: { ctx: PageContext; errors: readonly CommonError[] }) {
  const q = qualityMessages(ctx.locale);
  const en = ctx.locale === 'en';
  return (
    <section aria-labelledby="common-errors">
      <h2 id="common-errors">{q.commonErrors}</h2>
      <p>{q.commonErrorsIntro}</p>
      {errors.length === 0 ? (
        <p>{q.noErrors}</p>
      ) : (
        <div class="table-scroll">
          <table class="common-errors">
            <caption class="visually-hidden">{q.commonErrors}</caption>
            <thead>
              <tr>
                <th scope="col">{q.check}</th>
                <th scope="col">{q.failingResources}</th>
                <th scope="col">{q.failingDatasets}</th>
                <th scope="col">{q.example}</th>
                <th scope="col">{q.howToFix}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e) => (
                <tr key={e.checkId} data-check={e.checkId}>
                  <th scope="row">
                    {en ? checkLabel(e.checkId).en : checkLabel(e.checkId).zh} <code>{e.checkId}</code>
                  </th>
                  <td class="number">{e.resources}</td>
                  <td class="number">{e.datasets}</td>
                  <td>
                    {e.example ? (
                      <a href={href(ctx, `/dataset/${e.example.datasetId}#quality`)}>
                        <DatasetTitle ctx={ctx} title={e.example.titleZh} titleEn={e.example.titleEn} />
                      </a>
                    ) : null}
                  </td>
                  <td>{en ? e.fix.en : <Chinese ctx={ctx} text={e.fix.zh} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Datasets with their badge and failing checks, linked to their quality results. */
export function DatasetQualityTable({
  ctx,
  caption,
  datasets,
}: {
  ctx: PageContext;
  caption: string;
  datasets: readonly AttentionDataset[];
}) {
  const q = qualityMessages(ctx.locale);
  return (
    <div class="table-scroll">
      <table class="dataset-quality">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{q.allDatasets}</th>
            <th scope="col">{q.badge}</th>
            <th scope="col">{q.failingChecks}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.datasetId} data-dataset={d.datasetId}>
              <th scope="row">
                <a href={href(ctx, `/dataset/${d.datasetId}#quality`)}>
                  <DatasetTitle ctx={ctx} title={d.titleZh} titleEn={d.titleEn} />
                </a>
              </th>
              <td>{badgeName(d.badge, ctx.locale)}</td>
              <td>
                {d.failingChecks
                  .map((c) => (ctx.locale === 'en' ? checkLabel(c).en : checkLabel(c).zh))
                  .join(ctx.locale === 'en' ? ', ' : '、')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function levelLabel(ctx: PageContext, level: string): string {
  return levelName(level, ctx.locale);
}
