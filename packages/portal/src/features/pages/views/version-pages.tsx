import type { ComponentChildren } from 'preact';
import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import type { VersionSummary, VersionView } from '../../datasets/version-history.ts';
import { DATASET_FIELD_LABELS, fieldLabel, historyMessages } from '../../manage/history-messages.ts';
import { href, type PageContext } from '../page-context.ts';
import { DatasetTitle } from './common.tsx';
import { Layout } from './layout.tsx';
import { actionText, actorText, VersionDiffSection, VersionSnapshot } from './version-diff.tsx';

/**
 * 版本紀錄 pages: `/dataset/{id}/versions` (every version) and `/dataset/{id}/versions/{n}`
 * (one version against the one before it, and the metadata as it was). The signed-in
 * copies under /manage use the same views with their own base path and a restore form.
 */

export interface VersionPagesBase {
  /** '/dataset/{id}' for the public pages, '/manage/datasets/{id}' for the signed-in ones. */
  basePath: string;
  /** The signed-in pages have no `.json` twin. */
  hasJson: boolean;
}

function time(value: string): string {
  return value.replace('T', ' ').slice(0, 16);
}

function changedLabels(ctx: PageContext, changed: readonly string[]): string {
  const hm = historyMessages(ctx.locale);
  return changed
    .map((f) => (f === 'distribution' ? hm.resources : fieldLabel(DATASET_FIELD_LABELS, f, ctx.locale)))
    .join(ctx.locale === 'en' ? ', ' : '、');
}

function crumbs(ctx: PageContext, dataset: DatasetRecord, base: VersionPagesBase, version?: number) {
  const hm = historyMessages(ctx.locale);
  const title = ctx.locale === 'en' && dataset.titleEn ? dataset.titleEn : dataset.title;
  const list = { label: hm.listHeading, path: `${base.basePath}/versions` };
  return [
    { label: ctx.m.nav.datasets, path: '/datasets' },
    { label: title, path: `/dataset/${dataset.datasetId}` },
    ...(version === undefined ? [{ label: hm.listHeading }] : [list, { label: hm.versionHeading(version) }]),
  ];
}

export function VersionListPage({
  ctx,
  dataset,
  versions,
  base,
  notice,
}: {
  ctx: PageContext;
  dataset: DatasetRecord;
  versions: readonly VersionSummary[];
  base: VersionPagesBase;
  notice?: string | undefined;
}) {
  const hm = historyMessages(ctx.locale);
  const title = ctx.locale === 'en' && dataset.titleEn ? dataset.titleEn : dataset.title;
  return (
    <Layout
      ctx={ctx}
      title={hm.listTitle(title)}
      section="datasets"
      crumbs={crumbs(ctx, dataset, base)}
      hasJson={base.hasJson}
    >
      <h1>
        <DatasetTitle ctx={ctx} title={dataset.title} titleEn={dataset.titleEn} />
        {ctx.locale === 'en' ? ': ' : '：'}
        {hm.listHeading}
      </h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{hm.listIntro}</p>
      {versions.length === 0 ? (
        <p>{hm.none}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{hm.caption(versions.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{hm.version}</th>
                <th scope="col">{hm.time}</th>
                <th scope="col">{hm.actor}</th>
                <th scope="col">{hm.action}</th>
                <th scope="col">{hm.changed}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">
                    <a href={href(ctx, `${base.basePath}/versions/${v.version}`)}>
                      {hm.versionLink(v.version)}
                    </a>
                  </th>
                  <td>
                    <time dateTime={v.createdAt}>{time(v.createdAt)}</time>
                  </td>
                  <td>{actorText(v.actor, hm)}</td>
                  <td>{actionText(v.action, hm)}</td>
                  <td>{changedLabels(ctx, v.changed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={href(ctx, `/dataset/${dataset.datasetId}`)}>{hm.backToDataset}</a>
      </p>
    </Layout>
  );
}

export function VersionPage({
  ctx,
  dataset,
  view,
  base,
  children,
}: {
  ctx: PageContext;
  dataset: DatasetRecord;
  view: VersionView;
  base: VersionPagesBase;
  /** The restore section (signed-in pages) or the link to it (public pages). */
  children?: ComponentChildren;
}) {
  const hm = historyMessages(ctx.locale);
  const title = ctx.locale === 'en' && dataset.titleEn ? dataset.titleEn : dataset.title;
  const path = (n: number) => href(ctx, `${base.basePath}/versions/${n}`);
  return (
    <Layout
      ctx={ctx}
      title={hm.versionTitle(title, view.version)}
      section="datasets"
      crumbs={crumbs(ctx, dataset, base, view.version)}
      hasJson={base.hasJson}
    >
      <h1>
        <DatasetTitle ctx={ctx} title={dataset.title} titleEn={dataset.titleEn} />
        {ctx.locale === 'en' ? ': ' : '：'}
        {hm.versionHeading(view.version)}
      </h1>
      <dl class="facts">
        <dt>{hm.time}</dt>
        <dd>
          <time dateTime={view.createdAt}>{time(view.createdAt)}</time>
        </dd>
        <dt>{hm.actor}</dt>
        <dd>{actorText(view.actor, hm)}</dd>
        <dt>{hm.action}</dt>
        <dd>{actionText(view.action, hm)}</dd>
      </dl>
      <nav class="version-nav" aria-label={hm.listHeading}>
        <ul>
          {view.previous !== null ? (
            <li>
              <a href={path(view.previous)} rel="prev">
                {hm.previous(view.previous)}
              </a>
            </li>
          ) : null}
          {view.next !== null ? (
            <li>
              <a href={path(view.next)} rel="next">
                {hm.next(view.next)}
              </a>
            </li>
          ) : null}
          <li>
            <a href={href(ctx, `${base.basePath}/versions`)}>{hm.backToList}</a>
          </li>
          <li>
            <a href={href(ctx, `/dataset/${dataset.datasetId}`)}>{hm.backToDataset}</a>
          </li>
        </ul>
      </nav>
      <VersionDiffSection ctx={ctx} datasetId={view.datasetId} version={view.version} diff={view.diff} />
      {children}
      <VersionSnapshot ctx={ctx} version={view.version} snapshot={view.snapshot} />
    </Layout>
  );
}

/** The public page's way to the restore form (which needs signing in). */
export function RestoreLink({ ctx, view }: { ctx: PageContext; view: VersionView }) {
  if (view.version === view.latest) return null;
  const hm = historyMessages(ctx.locale);
  return (
    <p>
      <a href={href(ctx, `/manage/datasets/${view.datasetId}/versions/${view.version}`)} rel="nofollow">
        {hm.restoreLink}
      </a>
    </p>
  );
}
