import type { RelatedDataset } from '../../../search/index.ts';
import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import type { CheckRow } from '../../quality/quality.repo.ts';
import { href, type PageContext } from '../page-context.ts';
import type { DatasetUsage } from '../pages.repo.ts';
import { Badge, Chinese, DatasetTitle } from './common.tsx';
import { DatasetFields } from './dataset-fields.tsx';
import type { MetadataScore } from '../../quality/metadata-score.ts';
import { DatasetQuality } from './dataset-quality.tsx';
import { DatasetResources, type OtherFormatsCopy } from './dataset-resources.tsx';
import { DatasetVersions, type DatasetVersionRow } from './dataset-versions.tsx';
import { DelistingNotice } from './delisting-notice.tsx';
import { Layout } from './layout.tsx';

/**
 * 資料集頁: the metadata in data.gov.tw's order, the resources, the API snippet, the
 * quality results, related datasets and the machine-readable links, with schema.org JSON-LD.
 */

export interface DatasetPageData {
  dataset: DatasetRecord;
  quality: {
    checks: ReadonlyMap<number, CheckRow[]>;
    rowIds: ReadonlyMap<string, number>;
    score?: MetadataScore | undefined;
  };
  related: (RelatedDataset & { titleEn: string | null })[];
  /** The agency page of the publisher, when it matched an organisation. */
  organizationPath: string | null;
  /** Page views and downloads, as aggregated daily. */
  usage: DatasetUsage;
  /** The latest versions (版本紀錄), newest first. */
  versions: DatasetVersionRow[];
  /** Resources (by resourceID) with platform-converted CSV/JSON/XML copies. */
  otherFormats: ReadonlyMap<string, OtherFormatsCopy>;
  jsonLd: string;
}

function ApiSnippet({ ctx, dataset }: { ctx: PageContext; dataset: DatasetRecord }) {
  const m = ctx.m.dataset;
  const v1 = `${ctx.publicUrl}/api/v1/datasets/${dataset.datasetId}`;
  const v2 = `${ctx.publicUrl}/api/v2/rest/dataset/${dataset.datasetId}`;
  return (
    <section aria-labelledby="api">
      <h2 id="api">{m.api}</h2>
      <p>{m.apiIntro}</p>
      <h3>{m.apiV1}</h3>
      <pre>
        <code>{`curl '${v1}'`}</code>
      </pre>
      <h3>{m.apiV2}</h3>
      <pre>
        <code>{`curl '${v2}'`}</code>
      </pre>
    </section>
  );
}

function Related({ ctx, related }: { ctx: PageContext; related: DatasetPageData['related'] }) {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related">
      <h2 id="related">{ctx.m.dataset.related}</h2>
      <ul class="plain-list">
        {related.map((r) => (
          <li key={r.datasetId}>
            <a href={href(ctx, `/dataset/${r.datasetId}`)}>
              <DatasetTitle ctx={ctx} title={r.title} titleEn={r.titleEn} />
            </a>{' '}
            <span class="muted">
              <Chinese ctx={ctx} text={r.agency} />
            </span>{' '}
            <Badge ctx={ctx} badge={r.badge} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DatasetPage({ ctx, data }: { ctx: PageContext; data: DatasetPageData }) {
  const d = data.dataset;
  const m = ctx.m.dataset;
  const title = ctx.locale === 'en' && d.titleEn ? d.titleEn : d.title;
  const description = ctx.locale === 'en' && d.descriptionEn ? d.descriptionEn : d.description;
  const titleLang = ctx.locale === 'en' && !d.titleEn ? 'zh-Hant-TW' : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="datasets"
      crumbs={[{ label: ctx.m.datasets.title, path: '/datasets' }, { label: title }]}
      description={description.slice(0, 160)}
      jsonLd={data.jsonLd}
    >
      <h1 lang={titleLang}>{title}</h1>
      <DelistingNotice ctx={ctx} dataset={d} />
      <p lang={ctx.locale === 'en' && !d.descriptionEn ? 'zh-Hant-TW' : undefined}>{description}</p>
      <p>
        <Badge ctx={ctx} badge={d.whitelisted ? null : d.qualityBadge} />
      </p>
      <DatasetFields ctx={ctx} dataset={d} organizationPath={data.organizationPath} usage={data.usage} />
      <DatasetResources
        ctx={ctx}
        datasetId={d.datasetId}
        resources={d.distribution}
        otherFormats={data.otherFormats}
      />
      <DatasetQuality
        ctx={ctx}
        distribution={d.distribution}
        checks={data.quality.checks}
        rowIds={data.quality.rowIds}
        whitelisted={d.whitelisted}
        score={data.quality.score}
      />
      <DatasetVersions ctx={ctx} datasetId={d.datasetId} versions={data.versions} />
      <ApiSnippet ctx={ctx} dataset={d} />
      <Related ctx={ctx} related={data.related} />
      <section aria-labelledby="machine-readable">
        <h2 id="machine-readable">{m.machineReadable}</h2>
        <ul>
          <li>
            <a href={href(ctx, `/dataset/${d.datasetId}.json`)}>{m.jsonTwin}</a>
          </li>
          <li>
            <a href={`/api/v1/datasets/${d.datasetId}`}>{m.apiV1}</a>
          </li>
          <li>
            <a href={`/api/v2/rest/dataset/${d.datasetId}`}>{m.apiV2}</a>
          </li>
          <li>
            <a href={`/api/v1/datasets/${d.datasetId}/quality`}>{m.qualityJson}</a>
          </li>
          <li>
            <a href={`/api/v1/datasets/${d.datasetId}/versions`}>{m.versions.all}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
