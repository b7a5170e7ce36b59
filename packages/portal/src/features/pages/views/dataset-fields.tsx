import type { ComponentChildren } from 'preact';
import { findLicence } from '@odp/quality/metadata';
import {
  accessLevelName,
  badgeName,
  categoryName,
  datasetTypeName,
  licenceName,
  provisionName,
  publicationMethodName,
  statusName,
  themeName,
} from '../../../i18n/vocabulary-labels.ts';
import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';
import type { DatasetUsage } from '../pages.repo.ts';
import { Chinese, date } from './common.tsx';

/**
 * 資料集詮釋資料: the fields in data.gov.tw's order (the 22 columns of its catalogue
 * export, METADATA.md), then the rest of the national standard's fields, then the page's
 * views and downloads as the daily aggregation counted them (docs/counting.md).
 */

type Row = [label: string, value: ComponentChildren];

function ExternalLink({ url, children }: { url: string; children?: ComponentChildren }) {
  // Only web links are links: a javascript: or data: URL in metadata stays text.
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return <a href={url}>{children ?? url}</a>;
}

function distinct(values: string[]): string {
  return [...new Set(values.filter((v) => v !== ''))].join('、');
}

function FieldList({ ctx, d }: { ctx: PageContext; d: DatasetRecord }) {
  if (d.fields.length === 0) return <Chinese ctx={ctx} text={d.fieldDescription} />;
  const m = ctx.m.dataset;
  return (
    <table>
      <caption class="visually-hidden">{m.fieldTable}</caption>
      <thead>
        <tr>
          <th scope="col">{m.fieldName}</th>
          <th scope="col">{m.fieldTitle}</th>
          <th scope="col">{m.fieldNote}</th>
        </tr>
      </thead>
      <tbody>
        {d.fields.map((f, i) => (
          <tr key={i}>
            <th scope="row">
              <code>{f.name}</code>
            </th>
            <td>
              <Chinese ctx={ctx} text={f.title ?? ''} />
            </td>
            <td>
              <Chinese ctx={ctx} text={f.description ?? ''} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Keywords({ ctx, keywords }: { ctx: PageContext; keywords: string[] }) {
  if (keywords.length === 0) return null;
  return (
    <ul class="keywords">
      {keywords.map((k) => (
        <li key={k}>
          <a
            href={href(ctx, withQuery('/datasets', { q: `keyword:"${k.replaceAll('"', '')}"` }))}
            title={ctx.m.dataset.keywordSearch(k)}
          >
            <Chinese ctx={ctx} text={k} />
          </a>
        </li>
      ))}
    </ul>
  );
}

function quality(ctx: PageContext, d: DatasetRecord): ComponentChildren {
  if (d.whitelisted) return ctx.m.dataset.whitelisted;
  if (d.qualityBadge === null) return ctx.m.dataset.notChecked;
  return <a href="#quality">{badgeName(d.qualityBadge, ctx.locale)}</a>;
}

function contact(name: string | null, phone: string | null): string | null {
  if (!name && !phone) return null;
  return [name, phone ? `(${phone})` : null].filter(Boolean).join(' ');
}

function rows(
  ctx: PageContext,
  d: DatasetRecord,
  organizationPath: string | null,
  usage: DatasetUsage,
): Row[] {
  const f = ctx.m.dataset.fields;
  const zh = (text: string | null) => (text ? <Chinese ctx={ctx} text={text} /> : null);
  const licence = findLicence(d.license);
  const licenceLabel = licence ? licenceName(licence.code, ctx.locale) : d.license;
  const temporal =
    d.temporalCoverageFrom || d.temporalCoverageTo
      ? `${d.temporalCoverageFrom ?? ''} – ${d.temporalCoverageTo ?? ''}`
      : null;
  return [
    [f.identifier, d.identifier],
    [f.title, ctx.locale === 'en' && d.titleEn ? d.titleEn : zh(d.title)],
    [f.provision, provisionName(d.type, ctx.locale)],
    [
      f.category,
      <a href={href(ctx, `/categories/${d.categoryCode}`)}>{categoryName(d.categoryCode, ctx.locale)}</a>,
    ],
    [f.quality, quality(ctx, d)],
    [f.formats, distinct(d.distribution.map((r) => r.format.toUpperCase()))],
    [
      f.downloads,
      d.distribution.length > 0 ? (
        <a href="#resources">{ctx.m.dataset.resourcesLink(d.distribution.length)}</a>
      ) : null,
    ],
    [f.encodings, distinct(d.distribution.map((r) => r.characterSetCode))],
    [f.publicationMethod, publicationMethodName(d.publicationMethod, ctx.locale)],
    [f.description, ctx.locale === 'en' && d.descriptionEn ? d.descriptionEn : zh(d.description)],
    [f.fieldDescription, <FieldList ctx={ctx} d={d} />],
    [
      f.publisher,
      organizationPath ? <a href={href(ctx, organizationPath)}>{zh(d.publisher)}</a> : zh(d.publisher),
    ],
    [f.frequency, zh(d.accrualPeriodicity)],
    [f.licence, d.licenseURL ? <ExternalLink url={d.licenseURL}>{licenceLabel}</ExternalLink> : licenceLabel],
    [f.landingPage, d.landingPage ? <ExternalLink url={d.landingPage} /> : null],
    [f.cost, zh(d.cost)],
    [f.contactName, zh(contact(d.publisherContactName, d.publisherContactPhone))],
    [f.contactPhone, d.publisherContactPhone],
    [
      f.contactEmail,
      d.publisherContactEmail ? (
        <a href={`mailto:${d.publisherContactEmail}`}>{d.publisherContactEmail}</a>
      ) : null,
    ],
    [f.publishedAt, date(d.publishedAt)],
    [f.metadataModifiedAt, d.metadataModifiedAt ? d.metadataModifiedAt.replace('T', ' ').slice(0, 16) : null],
    [f.notes, zh(d.notes)],
    [f.numberOfData, d.numberOfData === null ? null : d.numberOfData.toLocaleString(ctx.locale)],
    [f.organization, zh(d.organization)],
    [f.type, datasetTypeName(d.type, ctx.locale)],
    [f.accessLevel, accessLevelName(d.accessLevel, ctx.locale)],
    [
      f.themes,
      d.themes.length === 0 ? null : (
        <ul class="keywords">
          {d.themes.map((t) => (
            <li key={t}>
              <a href={href(ctx, `/themes/${encodeURIComponent(t)}`)}>{themeName(t, ctx.locale)}</a>
            </li>
          ))}
        </ul>
      ),
    ],
    [f.keywords, <Keywords ctx={ctx} keywords={d.keyword} />],
    [f.temporal, temporal],
    [f.issued, d.issued],
    [f.modified, d.modified],
    [f.spatial, zh(d.spatial)],
    [f.language, d.language],
    ...(d.costURL ? ([[f.costURL, <ExternalLink url={d.costURL} />]] as Row[]) : []),
    ...(d.costLaw ? ([[f.costLaw, zh(d.costLaw)]] as Row[]) : []),
    ...(d.status !== 'published' ? ([[f.status, statusName(d.status, ctx.locale)]] as Row[]) : []),
    ...(d.delistingDate ? ([[f.delistingDate, date(d.delistingDate)]] as Row[]) : []),
    [f.viewCount, ctx.m.dataset.usageCount(usage.views, usage.views7d)],
    [f.downloadCount, ctx.m.dataset.usageCount(usage.downloads, usage.downloads7d)],
  ];
}

export function DatasetFields({
  ctx,
  dataset,
  organizationPath,
  usage,
}: {
  ctx: PageContext;
  dataset: DatasetRecord;
  organizationPath: string | null;
  usage: DatasetUsage;
}) {
  return (
    <table class="metadata">
      <caption>{ctx.m.dataset.metadata}</caption>
      <tbody>
        {rows(ctx, dataset, organizationPath, usage).map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>
              {value === null || value === '' || value === undefined ? ctx.m.dataset.notProvided : value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
