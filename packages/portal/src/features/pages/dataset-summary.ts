import type { SearchHit } from '../../search/index.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';

/**
 * One dataset in a list (search results, newest, an agency's or a theme's datasets): the
 * fields a list shows, whichever query found it.
 */
export interface DatasetSummary {
  datasetId: number;
  identifier: string;
  title: string;
  titleEn: string | null;
  /** The title HTML-escaped with <mark> around matches (search results only). */
  titleHighlight?: string;
  /** Part of the description, HTML-escaped with <mark> (search results only). */
  descriptionSnippet?: string;
  description?: string;
  agency: string;
  categoryCode: string;
  badge: string | null;
  publishedAt: string | null;
}

export function summaryOfHit(hit: SearchHit, titleEn: string | undefined): DatasetSummary {
  return {
    datasetId: hit.datasetId,
    identifier: hit.identifier,
    title: hit.title,
    titleEn: titleEn ?? null,
    titleHighlight: hit.titleHighlight,
    descriptionSnippet: hit.descriptionSnippet,
    agency: hit.agency,
    categoryCode: hit.categoryCode,
    badge: hit.badge,
    publishedAt: hit.publishedAt,
  };
}

export function summaryOfRecord(d: DatasetRecord): DatasetSummary {
  return {
    datasetId: d.datasetId,
    identifier: d.identifier,
    title: d.title,
    titleEn: d.titleEn,
    description: d.description,
    agency: d.publisher,
    categoryCode: d.categoryCode,
    badge: d.qualityBadge,
    publishedAt: d.publishedAt,
  };
}

/** The JSON of a summary: plain fields, no markup. */
export function presentSummary(s: DatasetSummary) {
  return {
    datasetId: s.datasetId,
    identifier: s.identifier,
    title: s.title,
    titleEn: s.titleEn,
    agency: s.agency,
    categoryCode: s.categoryCode,
    badge: s.badge,
    publishedAt: s.publishedAt,
  };
}
