import { LICENCES } from '@odp/quality/metadata';
import type { Quad } from 'n3';
import type { ShaclReport } from '../dcat/dcat-shacl.ts';
import {
  EU_ACCESS_RIGHT,
  EU_FILE_TYPE,
  MACHINE_READABLE_FORMATS,
  NON_PROPRIETARY_FORMATS,
  NS,
} from '../dcat/dcat-vocabularies.ts';

/**
 * The metadata quality score (QUALITY.md §3, docs/quality.md "Metadata quality score"):
 * data.europa.eu's Metadata Quality Assessment, 405 points, computed on our DCAT-AP
 * output of a dataset. Dataset-level indicators score all or nothing; distribution-level
 * ones score the share of distributions that pass (rounded to whole points).
 */

export const DIMENSIONS = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

interface IndicatorRule {
  dimension: Dimension;
  max: number;
  /** Scored per distribution (the share that pass) rather than once for the dataset. */
  perDistribution: boolean;
}

/** Every indicator, its dimension and its points, in the order of the table in QUALITY.md. */
export const INDICATORS = {
  keyword: { dimension: 'findability', max: 30, perDistribution: false },
  theme: { dimension: 'findability', max: 30, perDistribution: false },
  spatial: { dimension: 'findability', max: 20, perDistribution: false },
  temporal: { dimension: 'findability', max: 20, perDistribution: false },
  accessUrlAnswers: { dimension: 'accessibility', max: 50, perDistribution: true },
  downloadUrl: { dimension: 'accessibility', max: 20, perDistribution: true },
  downloadUrlAnswers: { dimension: 'accessibility', max: 30, perDistribution: true },
  format: { dimension: 'interoperability', max: 20, perDistribution: true },
  mediaType: { dimension: 'interoperability', max: 10, perDistribution: true },
  formatFromVocabulary: { dimension: 'interoperability', max: 10, perDistribution: true },
  nonProprietary: { dimension: 'interoperability', max: 20, perDistribution: true },
  machineReadable: { dimension: 'interoperability', max: 20, perDistribution: true },
  dcatApConformance: { dimension: 'interoperability', max: 30, perDistribution: false },
  licence: { dimension: 'reusability', max: 20, perDistribution: true },
  licenceFromVocabulary: { dimension: 'reusability', max: 10, perDistribution: true },
  accessRights: { dimension: 'reusability', max: 10, perDistribution: false },
  accessRightsFromVocabulary: { dimension: 'reusability', max: 5, perDistribution: false },
  contactPoint: { dimension: 'reusability', max: 20, perDistribution: false },
  publisher: { dimension: 'reusability', max: 10, perDistribution: false },
  rights: { dimension: 'contextuality', max: 5, perDistribution: true },
  byteSize: { dimension: 'contextuality', max: 5, perDistribution: true },
  issued: { dimension: 'contextuality', max: 5, perDistribution: false },
  modified: { dimension: 'contextuality', max: 5, perDistribution: false },
} as const satisfies Record<string, IndicatorRule>;
export type IndicatorId = keyof typeof INDICATORS;

export const MAX_SCORE = 405;

export const BANDS = ['excellent', 'good', 'sufficient', 'bad'] as const;
export type Band = (typeof BANDS)[number];

/** Excellent 351–405, Good 221–350, Sufficient 121–220, Bad 0–120. */
export function bandOf(total: number): Band {
  if (total >= 351) return 'excellent';
  if (total >= 221) return 'good';
  if (total >= 121) return 'sufficient';
  return 'bad';
}

export interface IndicatorScore {
  points: number;
  max: number;
  evidence: Record<string, unknown>;
}

export interface MetadataScore {
  total: number;
  max: number;
  band: Band;
  dimensions: Record<Dimension, { points: number; max: number }>;
  indicators: Record<IndicatorId, IndicatorScore>;
}

/** What the score needs besides the graph: which URLs answered, and the SHACL report. */
export interface ScoreInputs {
  /** The dataset's node in the graph. */
  dataset: string;
  quads: readonly Quad[];
  /** URLs whose latest `linkable` check passed (2xx after redirects). */
  answeringUrls: ReadonlySet<string>;
  shacl: ShaclReport;
  /** The portal's base IRI: evidence shows the portal's own IRIs relative to it. */
  base: string;
}

const p = {
  keyword: `${NS.dcat}keyword`,
  theme: `${NS.dcat}theme`,
  spatial: `${NS.dct}spatial`,
  temporal: `${NS.dct}temporal`,
  distribution: `${NS.dcat}distribution`,
  accessURL: `${NS.dcat}accessURL`,
  downloadURL: `${NS.dcat}downloadURL`,
  format: `${NS.dct}format`,
  mediaType: `${NS.dcat}mediaType`,
  license: `${NS.dct}license`,
  accessRights: `${NS.dct}accessRights`,
  contactPoint: `${NS.dcat}contactPoint`,
  publisher: `${NS.dct}publisher`,
  rights: `${NS.dct}rights`,
  byteSize: `${NS.dcat}byteSize`,
  issued: `${NS.dct}issued`,
  modified: `${NS.dct}modified`,
  label: `${NS.rdfs}label`,
};

const LISTED_LICENCES: ReadonlySet<string> = new Set(
  LICENCES.filter((l) => l.url !== '').map((l) => new URL(l.url).href),
);

/** subject → predicate → object values. */
function indexGraph(quads: readonly Quad[]): Map<string, Map<string, string[]>> {
  const index = new Map<string, Map<string, string[]>>();
  for (const q of quads) {
    const bySubject = index.get(q.subject.value) ?? new Map<string, string[]>();
    const values = bySubject.get(q.predicate.value) ?? [];
    if (!values.includes(q.object.value)) values.push(q.object.value);
    bySubject.set(q.predicate.value, values);
    index.set(q.subject.value, bySubject);
  }
  return index;
}

/** Computes the score of one dataset from its DCAT-AP graph. */
export function scoreMetadata(inputs: ScoreInputs): MetadataScore {
  const graph = indexGraph(inputs.quads);
  const values = (subject: string, predicate: string) => graph.get(subject)?.get(predicate) ?? [];
  const own = (predicate: string) => values(inputs.dataset, predicate);
  const distributions = own(p.distribution);
  const show = (v: string) => (v.startsWith(inputs.base) ? v.slice(inputs.base.length) : v);
  // A distribution's IRI ends in #<resourceID>.
  const resourceOf = (d: string) => decodeURIComponent(d.slice(d.indexOf('#') + 1));

  const indicators = {} as Record<IndicatorId, IndicatorScore>;
  const datasetLevel = (id: IndicatorId, found: readonly string[]) => {
    const max = INDICATORS[id].max;
    indicators[id] = {
      points: found.length > 0 ? max : 0,
      max,
      evidence: { found: found.length > 0, values: found.slice(0, 5).map(show) },
    };
  };
  /** Scores the share of distributions for which `test` gives a passing value (or false). */
  const perDistribution = (id: IndicatorId, test: (distribution: string) => string | false) => {
    const max = INDICATORS[id].max;
    const results = distributions.map((d) => ({ distribution: d, value: test(d) }));
    const passing = results.filter((r) => r.value !== false).length;
    indicators[id] = {
      points: distributions.length === 0 ? 0 : Math.round((max * passing) / distributions.length),
      max,
      evidence: {
        passing,
        of: distributions.length,
        failing: results
          .filter((r) => r.value === false)
          .slice(0, 5)
          .map((r) => resourceOf(r.distribution)),
      },
    };
  };
  const first = (d: string, predicate: string) => values(d, predicate)[0] ?? false;
  const formatName = (d: string): string | undefined => {
    const format = values(d, p.format)[0];
    return format === undefined ? undefined : values(format, p.label)[0];
  };

  datasetLevel('keyword', own(p.keyword));
  datasetLevel('theme', own(p.theme));
  datasetLevel('spatial', own(p.spatial));
  datasetLevel('temporal', own(p.temporal));

  perDistribution(
    'accessUrlAnswers',
    (d) => values(d, p.accessURL).find((u) => inputs.answeringUrls.has(u)) ?? false,
  );
  perDistribution('downloadUrl', (d) => first(d, p.downloadURL));
  perDistribution(
    'downloadUrlAnswers',
    (d) => values(d, p.downloadURL).find((u) => inputs.answeringUrls.has(u)) ?? false,
  );

  perDistribution('format', (d) => first(d, p.format));
  perDistribution('mediaType', (d) => first(d, p.mediaType));
  perDistribution(
    'formatFromVocabulary',
    (d) => values(d, p.format).find((f) => f.startsWith(`${EU_FILE_TYPE}/`)) ?? false,
  );
  perDistribution('nonProprietary', (d) => {
    const name = formatName(d);
    return name !== undefined && NON_PROPRIETARY_FORMATS.has(name) ? name : false;
  });
  perDistribution('machineReadable', (d) => {
    const name = formatName(d);
    return name !== undefined && MACHINE_READABLE_FORMATS.has(name) ? name : false;
  });
  const violations = inputs.shacl.results.filter((r) => r.severity === 'violation');
  indicators.dcatApConformance = {
    points: violations.length === 0 ? INDICATORS.dcatApConformance.max : 0,
    max: INDICATORS.dcatApConformance.max,
    evidence: {
      conforms: violations.length === 0,
      violations: violations.length,
      results: violations.slice(0, 5).map((r) => ({ ...r, focusNode: show(r.focusNode) })),
    },
  };

  perDistribution('licence', (d) => first(d, p.license));
  perDistribution(
    'licenceFromVocabulary',
    (d) => values(d, p.license).find((l) => LISTED_LICENCES.has(l)) ?? false,
  );
  datasetLevel('accessRights', own(p.accessRights));
  datasetLevel(
    'accessRightsFromVocabulary',
    own(p.accessRights).filter((a) => a.startsWith(`${EU_ACCESS_RIGHT}/`)),
  );
  datasetLevel('contactPoint', own(p.contactPoint));
  datasetLevel('publisher', own(p.publisher));

  perDistribution('rights', (d) => first(d, p.rights));
  perDistribution('byteSize', (d) => first(d, p.byteSize));
  datasetLevel('issued', own(p.issued));
  datasetLevel('modified', own(p.modified));

  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, { points: 0, max: 0 }])) as Record<
    Dimension,
    { points: number; max: number }
  >;
  for (const [id, rule] of Object.entries(INDICATORS) as [IndicatorId, IndicatorRule][]) {
    dimensions[rule.dimension].points += indicators[id].points;
    dimensions[rule.dimension].max += rule.max;
  }
  const total = DIMENSIONS.reduce((sum, d) => sum + dimensions[d].points, 0);
  return { total, max: MAX_SCORE, band: bandOf(total), dimensions, indicators };
}
