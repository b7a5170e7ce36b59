import { datasetInput } from '../../test/factories.ts';

/**
 * For tests: a dataset with every field DCAT-AP and the metadata quality score look at
 * filled in — English title and description, keywords, themes, spatial and temporal
 * coverage, dates, language, landing page, contacts, licence and a CSV resource.
 */
export function fullDatasetInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return datasetInput({
    titleEn: 'Rain gauge observations',
    descriptionEn: 'Hourly observations of every rain gauge station',
    themes: ['climate', 'climate-01'],
    spatial: '臺灣',
    temporalCoverageFrom: '2020-01-01',
    temporalCoverageTo: '2025-12-31',
    issued: '2020-02-01',
    modified: '2026-01-15',
    language: 'zh',
    landingPage: 'https://example.gov.tw/rain',
    ...overrides,
  });
}
