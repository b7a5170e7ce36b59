import { findLicence } from '@odp/quality/metadata';
import type { DatasetRecord } from '../datasets/dataset.record.ts';

/**
 * schema.org Dataset JSON-LD for a dataset page (what search engines' dataset search
 * reads). Serialized for a `<script type="application/ld+json">` block: `<`, `>` and `&`
 * are written as \u escapes, so no metadata text can close the block or open a comment.
 */

export function datasetJsonLd(d: DatasetRecord, pageUrl: string): Record<string, unknown> {
  const licence = findLicence(d.license);
  const temporal =
    d.temporalCoverageFrom || d.temporalCoverageTo
      ? `${d.temporalCoverageFrom ?? '..'}/${d.temporalCoverageTo ?? '..'}`
      : undefined;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': pageUrl,
    url: pageUrl,
    name: d.title,
    ...(d.titleEn ? { alternateName: d.titleEn } : {}),
    description: d.description,
    identifier: d.identifier,
    keywords: d.keyword,
    inLanguage: d.language ?? 'zh-TW',
    isAccessibleForFree: d.cost === '免費',
    license: d.licenseURL ?? licence?.url ?? d.license,
    creator: { '@type': 'GovernmentOrganization', name: d.publisher },
    publisher: { '@type': 'GovernmentOrganization', name: d.publisher },
    ...(d.publishedAt ? { datePublished: d.publishedAt.slice(0, 10) } : {}),
    ...(d.metadataModifiedAt ? { dateModified: d.metadataModifiedAt } : {}),
    ...(temporal ? { temporalCoverage: temporal } : {}),
    ...(d.spatial ? { spatialCoverage: d.spatial } : {}),
    distribution: d.distribution
      .filter((r) => r.downloadURL || r.accessURL)
      .map((r) => ({
        '@type': 'DataDownload',
        name: r.resourceDescription || r.resourceID,
        encodingFormat: r.format,
        contentUrl: r.downloadURL ?? r.accessURL,
      })),
  };
  return data;
}

export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
