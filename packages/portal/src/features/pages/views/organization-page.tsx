import { BADGES } from '@odp/quality/metadata';
import { badgeName, levelName } from '../../../i18n/vocabulary-labels.ts';
import type { OrganizationRow } from '../../organizations/organization.repo.ts';
import type { DatasetSummary } from '../dataset-summary.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';
import { Chinese, PagedDatasetList } from './common.tsx';
import { Layout } from './layout.tsx';
import { qualityMessages } from '../../quality-dashboard/quality-dashboard-messages.ts';

/** 機關頁: an agency, its place in the tree, its datasets and their badges. */

export interface OrganizationPageData {
  organization: OrganizationRow;
  parent: OrganizationRow | undefined;
  children: (OrganizationRow & { datasetCount: number })[];
  badges: Map<string, number>;
  total: number;
  offset: number;
  limit: number;
  datasets: DatasetSummary[];
}

function name(ctx: PageContext, o: OrganizationRow) {
  return ctx.locale === 'en' && o.nameEn ? <>{o.nameEn}</> : <Chinese ctx={ctx} text={o.nameZh} />;
}

export function OrganizationPage({ ctx, data }: { ctx: PageContext; data: OrganizationPageData }) {
  const m = ctx.m.organizations;
  const o = data.organization;
  const title = ctx.locale === 'en' && o.nameEn ? o.nameEn : o.nameZh;
  const path = `/organizations/${o.id}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="organizations"
      crumbs={[{ label: m.title, path: '/organizations' }, { label: title }]}
    >
      <h1 lang={ctx.locale === 'en' && !o.nameEn ? 'zh-Hant-TW' : undefined}>{title}</h1>
      <dl class="facts">
        <dt>{m.level}</dt>
        <dd>{levelName(o.level, ctx.locale)}</dd>
        {data.parent ? (
          <>
            <dt>{m.parent}</dt>
            <dd>
              <a href={href(ctx, `/organizations/${data.parent.id}`)}>{name(ctx, data.parent)}</a>
            </dd>
          </>
        ) : null}
        {o.nameEn && ctx.locale !== 'en' ? (
          <>
            <dt>{m.nameEn}</dt>
            <dd lang="en">{o.nameEn}</dd>
          </>
        ) : null}
        {o.oid ? (
          <>
            <dt>{m.oid}</dt>
            <dd>{o.oid}</dd>
          </>
        ) : null}
        {o.agencyCode ? (
          <>
            <dt>{m.agencyCode}</dt>
            <dd>{o.agencyCode}</dd>
          </>
        ) : null}
        {o.phone ? (
          <>
            <dt>{m.phone}</dt>
            <dd>{o.phone}</dd>
          </>
        ) : null}
        {o.address ? (
          <>
            <dt>{m.address}</dt>
            <dd>
              <Chinese ctx={ctx} text={o.address} />
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="badges">
        <h2 id="badges">{m.badgeCounts}</h2>
        <table>
          <caption class="visually-hidden">{m.badgeCounts}</caption>
          <thead>
            <tr>
              <th scope="col">{m.badge}</th>
              <th scope="col">{m.datasetCount}</th>
            </tr>
          </thead>
          <tbody>
            {BADGES.map((b) => (
              <tr key={b}>
                <th scope="row">{badgeName(b, ctx.locale)}</th>
                <td>{(data.badges.get(b) ?? 0).toLocaleString(ctx.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={href(ctx, `/quality/organizations/${o.id}`)}>
            {qualityMessages(ctx.locale).dashboardLink}
          </a>
        </p>
      </section>
      {data.children.length > 0 ? (
        <section aria-labelledby="children">
          <h2 id="children">{m.children}</h2>
          <ul class="plain-list">
            {data.children.map((c) => (
              <li key={c.id}>
                <a href={href(ctx, `/organizations/${c.id}`)}>{name(ctx, c)}</a>{' '}
                <span class="muted">({m.count(c.datasetCount)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="datasets">
        <h2 id="datasets">{m.datasets}</h2>
        <p>{ctx.m.datasets.total(data.total)}</p>
        <PagedDatasetList ctx={ctx} list={data} path={path} />
        {data.total > 0 ? (
          <p>
            <a href={href(ctx, withQuery('/datasets', { agency: o.nameZh }))}>{m.searchAll}</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
}
