import type { ComponentChildren } from 'preact';
import { href, type PageContext } from '../../pages/page-context.ts';
import { Layout } from '../../pages/views/layout.tsx';
import { badgeBarChart, trendChart } from '../quality-charts.ts';
import { qualityMessages } from '../quality-dashboard-messages.ts';
import type { AttentionDataset, OrganizationQuality } from '../quality-dashboard.service.ts';
import {
  CommonErrors,
  DashboardFigure,
  DatasetQualityTable,
  levelLabel,
  QualityFacts,
} from './quality-sections.tsx';

/**
 * /quality/organizations/{key}: an agency's dashboard — its rank and award score, badges,
 * trend, common errors and datasets needing attention — and, with every dataset listed,
 * the printable report (…/report) built from the same parts.
 */

export function organizationName(ctx: PageContext, data: OrganizationQuality): string {
  return ctx.locale === 'en' && data.organization.nameEn
    ? data.organization.nameEn
    : data.organization.nameZh;
}

function OrganizationQualityBody({
  ctx,
  data,
  children,
}: {
  ctx: PageContext;
  data: OrganizationQuality;
  children?: ComponentChildren;
}) {
  const q = qualityMessages(ctx.locale);
  const o = data.organization;
  const trend = trendChart('quality-trend', data.trend, ctx.locale);
  return (
    <>
      <QualityFacts ctx={ctx} figures={data}>
        <dt>{q.level}</dt>
        <dd>{levelLabel(ctx, o.level)}</dd>
        <dt>{q.rank}</dt>
        <dd data-figure="rank" data-rank={data.rank ?? ''}>
          {data.rank === null ? q.unranked : q.rankOf(data.rank, data.rankedAgencies)}
        </dd>
      </QualityFacts>
      <section aria-labelledby="badges-now">
        <h2 id="badges-now">{q.now}</h2>
        <DashboardFigure
          ctx={ctx}
          chart={badgeBarChart('quality-badges', q.distributionChart, data.badges, ctx.locale)}
        />
      </section>
      <section aria-labelledby="quality-trend-heading">
        <h2 id="quality-trend-heading">{q.trend}</h2>
        {trend ? <DashboardFigure ctx={ctx} chart={trend} /> : <p>{q.trendNone}</p>}
      </section>
      <CommonErrors ctx={ctx} errors={data.commonErrors} />
      <section aria-labelledby="needs-attention">
        <h2 id="needs-attention">{q.attention}</h2>
        {data.needsAttentionTotal === 0 ? (
          <p>{q.noAttention}</p>
        ) : (
          <>
            <p>{q.attentionIntro(data.needsAttention.length, data.needsAttentionTotal)}</p>
            <DatasetQualityTable ctx={ctx} caption={q.attention} datasets={data.needsAttention} />
          </>
        )}
      </section>
      {children}
    </>
  );
}

function crumbs(ctx: PageContext, data: OrganizationQuality, last?: string) {
  const q = qualityMessages(ctx.locale);
  const name = organizationName(ctx, data);
  const path = `/quality/organizations/${data.organization.id}`;
  return [
    { label: q.title, path: '/quality' },
    ...(last ? [{ label: name, path }, { label: last }] : [{ label: name }]),
  ];
}

export function OrganizationQualityPage({ ctx, data }: { ctx: PageContext; data: OrganizationQuality }) {
  const q = qualityMessages(ctx.locale);
  const title = q.organizationTitle(organizationName(ctx, data));
  const base = `/quality/organizations/${data.organization.id}`;
  return (
    <Layout ctx={ctx} title={title} section="quality" crumbs={crumbs(ctx, data)}>
      <h1>{title}</h1>
      <ul class="plain-list quality-links">
        <li>
          <a href={href(ctx, `/organizations/${data.organization.id}`)}>{organizationName(ctx, data)}</a>
        </li>
        <li>
          <a href={href(ctx, `${base}/report`)}>{q.report}</a>
        </li>
        <li>
          <a href={href(ctx, `${base}/report.csv`)} type="text/csv" download>
            {q.reportCsv}
          </a>
        </li>
      </ul>
      <OrganizationQualityBody ctx={ctx} data={data} />
    </Layout>
  );
}

export interface OrganizationReportData {
  quality: OrganizationQuality;
  datasets: AttentionDataset[];
}

export function OrganizationReportPage({
  ctx,
  data,
  stylesheet,
}: {
  ctx: PageContext;
  data: OrganizationReportData;
  stylesheet: string;
}) {
  const q = qualityMessages(ctx.locale);
  const title = q.reportTitle(organizationName(ctx, data.quality));
  return (
    <Layout ctx={ctx} title={title} section="quality" crumbs={crumbs(ctx, data.quality, q.report)}>
      {/* The report's print rules (body-ok: a stylesheet link may stand in the body). */}
      <link rel="stylesheet" href={stylesheet} />
      <div class="quality-report">
        <h1>{title}</h1>
        <p class="no-print">
          {q.print}{' '}
          <a
            href={href(ctx, `/quality/organizations/${data.quality.organization.id}/report.csv`)}
            type="text/csv"
            download
          >
            {q.reportCsv}
          </a>
        </p>
        <OrganizationQualityBody ctx={ctx} data={data.quality}>
          <section aria-labelledby="all-datasets">
            <h2 id="all-datasets">{q.allDatasets}</h2>
            <DatasetQualityTable ctx={ctx} caption={q.allDatasets} datasets={data.datasets} />
          </section>
        </OrganizationQualityBody>
      </div>
    </Layout>
  );
}
