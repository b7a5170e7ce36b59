import type { ComponentChildren } from 'preact';
import {
  findCategory,
  ACCESS_LEVEL_LABELS,
  BADGE_LABELS,
  PUBLICATION_METHOD_LABELS,
  findLicence,
} from '@odp/quality/metadata';
import type { DatasetRecord, ResourceRecord } from '../../datasets/dataset.record.ts';
import type { CheckRow } from '../../quality/quality.repo.ts';
import { DatasetQuality } from './dataset-quality.tsx';
import { Layout } from './layout.tsx';

/** 資料集頁: the fields in data.gov.tw's order, and the resources with their links. */

function label<T extends Record<string, string>>(labels: T, key: string | null): string | null {
  if (key === null) return null;
  return Object.hasOwn(labels, key) ? (labels[key as keyof T] as string) : key;
}

function Link({ href, children }: { href: string | null; children?: ComponentChildren }) {
  if (!href) return null;
  return <a href={href}>{children ?? href}</a>;
}

function ResourceItem({ r }: { r: ResourceRecord }) {
  const name = r.resourceDescription || r.resourceID;
  return (
    <li>
      {name}（{r.format}，{r.characterSetCode}）{' '}
      {r.downloadURL ? <a href={r.downloadURL}>{`下載 ${r.format}：${name}`}</a> : null}
      {r.downloadURL && r.accessURL ? '　' : null}
      {r.accessURL ? <a href={r.accessURL}>{`存取 ${name}`}</a> : null}
    </li>
  );
}

function contact(name: string | null, phone: string | null): string | null {
  if (!name && !phone) return null;
  return [name, phone ? `(${phone})` : null].filter(Boolean).join(' ');
}

function rows(d: DatasetRecord): [string, ComponentChildren][] {
  const licence = findLicence(d.license);
  return [
    ['資料集識別碼', d.identifier],
    ['主要欄位說明', d.fieldDescription],
    [
      '資料資源下載網址',
      d.distribution.length === 0 ? null : (
        <ul>
          {d.distribution.map((r) => (
            <ResourceItem key={r.resourceID} r={r} />
          ))}
        </ul>
      ),
    ],
    ['提供機關', d.publisher],
    ['上級機關', d.organization],
    ['提供機關聯絡人姓名', contact(d.publisherContactName, d.publisherContactPhone)],
    ['提供機關聯絡人電子郵件', d.publisherContactEmail],
    ['更新頻率', d.accrualPeriodicity],
    [
      '授權方式',
      d.licenseURL ? (
        <Link href={d.licenseURL}>{licence?.nameZh ?? d.license}</Link>
      ) : (
        (licence?.nameZh ?? d.license)
      ),
    ],
    ['計費方式', d.cost],
    ['上架日期', d.publishedAt ? d.publishedAt.slice(0, 10) : null],
    ['資料集上架方式', label(PUBLICATION_METHOD_LABELS, d.publicationMethod)],
    ['詮釋資料更新時間', d.metadataModifiedAt],
    ['服務分類', findCategory(d.categoryCode)?.nameZh ?? d.categoryCode],
    [
      '品質檢測',
      d.whitelisted ? (
        '白名單'
      ) : d.qualityBadge === null ? (
        '尚未檢測'
      ) : (
        <a href="#quality">{label(BADGE_LABELS, d.qualityBadge)}</a>
      ),
    ],
    ['資料集屬性', label(ACCESS_LEVEL_LABELS, d.accessLevel)],
    ['關鍵字', d.keyword.length > 0 ? d.keyword.join('、') : null],
    ['相關網址', d.landingPage ? <Link href={d.landingPage} /> : null],
    ['備註', d.notes],
  ];
}

export interface DatasetPageQuality {
  checks: ReadonlyMap<number, CheckRow[]>;
  rowIds: ReadonlyMap<string, number>;
}

export function DatasetPage({ dataset, quality }: { dataset: DatasetRecord; quality?: DatasetPageQuality }) {
  const jsonHref = `/datasets/${dataset.datasetId}.json`;
  return (
    <Layout title={dataset.title} jsonHref={jsonHref}>
      <p>
        <a href="/datasets">資料集</a> › {dataset.title}
      </p>
      <h1>{dataset.title}</h1>
      <p>{dataset.description}</p>
      <table>
        <caption>資料集詮釋資料</caption>
        <tbody>
          {rows(dataset).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value === null || value === '' ? '（未提供）' : value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {quality ? (
        <DatasetQuality
          distribution={dataset.distribution}
          checks={quality.checks}
          rowIds={quality.rowIds}
          whitelisted={dataset.whitelisted}
        />
      ) : null}
      <h2>機器可讀格式</h2>
      <ul>
        <li>
          <a href={jsonHref}>本頁 JSON</a>
        </li>
        <li>
          <a href={`/api/v1/datasets/${dataset.datasetId}`}>REST API v1</a>
        </li>
        <li>
          <a href={`/api/v2/rest/dataset/${dataset.datasetId}`}>data.gov.tw API v2 格式</a>
        </li>
        <li>
          <a href={`/api/v1/datasets/${dataset.datasetId}/quality`}>品質檢測結果 JSON</a>
        </li>
      </ul>
    </Layout>
  );
}
