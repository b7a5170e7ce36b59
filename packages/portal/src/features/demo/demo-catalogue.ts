import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { resourceId, LICENCES } from '@odp/quality/metadata';
import type { SystemFields } from '../datasets/dataset.schema.ts';
import type { AgencyEntry } from '../organizations/agency-registry.ts';
import { organizationIndex, updateOrganization } from '../organizations/organization.repo.ts';
import { AgencyCodeBook } from './demo-agency-codes.ts';
import { AgencyDirectory, choosePublisher, type DemoAgency } from './demo-agencies.ts';
import {
  demoContact,
  demoDates,
  demoDescription,
  demoKeywords,
  demoSpatial,
  frequencyHint,
} from './demo-metadata.ts';
import { demoFields } from './demo-fields.ts';
import { extensionOf, generatedRowCount } from './demo-generated-file.ts';
import { DemoRandom } from './demo-random.ts';
import { CITY_PORTALS, loadTitleEntries, type TitleEntry } from './demo-sources.ts';
import { classifyTitle, type TopicMatch } from './demo-topics.ts';
import { lastSerialsByAgencyCode } from './demo.repo.ts';

interface CatalogueOptions {
  publicUrl: string;
  registry: readonly AgencyEntry[];
  /** Real agency codes by OID, used when free. */
  knownCodes?: ReadonlyMap<string, string>;
}

/** One dataset for createDatasets: the standard's fields plus system fields. */
export interface DemoItem {
  input: Record<string, unknown>;
  system: SystemFields;
}

const FIRST_FORMATS = [
  ['CSV', 60],
  ['JSON', 14],
  ['XML', 8],
  ['XLSX', 6],
  ['ODS', 3],
  ['PDF', 5],
  ['API', 4],
] as const;
const FREQUENCIES = [
  ['每1年', 30],
  ['每1月', 20],
  ['每1季', 10],
  ['每1日', 8],
  ['不定期', 20],
  ['每1週', 5],
  ['每6月', 4],
  ['每1小時', 2],
  ['即時', 1],
] as const;
const LICENCE_WEIGHTS = [
  ['1', 92],
  ['CC-BY-4.0', 4],
  ['CC0-1.0', 2],
  ['CC-BY-SA-4.0', 2],
] as const;
const STATUSES = [
  ['published', 93],
  ['draft', 2],
  ['delisting_scheduled', 2],
  ['historical', 3],
] as const;

function pickFormats(random: DemoRandom): string[] {
  const count = random.weighted([
    [1, 45],
    [2, 35],
    [3, 20],
  ] as const);
  const formats: string[] = [];
  while (formats.length < count) {
    const left = FIRST_FORMATS.filter(([f]) => !formats.includes(f));
    formats.push(
      random.weighted(
        formats.length === 0
          ? left
          : left.map(([f, w]) => [f, f === 'PDF' || f === 'API' ? w : w * 2] as const),
      ),
    );
  }
  return formats;
}

/**
 * The synthetic part of the demo catalogue: dataset N is built from title N of the
 * real title list (cycling, with a year added on later rounds) and a PRNG seeded by N,
 * so the same N always gives the same dataset. Identifiers come from the code book.
 */
export class DemoCatalogue {
  /** Topics by base title: later rounds reuse them. */
  private readonly topics = new Map<string, TopicMatch>();

  private constructor(
    readonly publicUrl: string,
    readonly directory: AgencyDirectory,
    readonly codes: AgencyCodeBook,
  ) {}

  /** Reads the agency codes and serials already in the database. */
  static async open(ctx: CatalogueContext, options: CatalogueOptions): Promise<DemoCatalogue> {
    const orgs = await organizationIndex(ctx.db);
    const existing = new Map(
      [...orgs.byOid].filter(([, o]) => o.agencyCode).map(([oid, o]) => [oid, o.agencyCode as string]),
    );
    const codes = new AgencyCodeBook(
      existing,
      orgs.byCode.keys(),
      await lastSerialsByAgencyCode(ctx.db),
      options.knownCodes,
    );
    return new DemoCatalogue(
      options.publicUrl.replace(/\/$/, ''),
      new AgencyDirectory(options.registry),
      codes,
    );
  }

  /** Stores the agency codes handed out since the last call on their organisations. */
  async saveAgencyCodes(ctx: CatalogueContext, now: Date): Promise<number> {
    const fresh = this.codes.takeNewCodes();
    if (fresh.length === 0) return 0;
    const orgs = await organizationIndex(ctx.db);
    for (const { oid, code } of fresh) {
      const org = orgs.byOid.get(oid);
      if (org) await updateOrganization(ctx.db, org.id, { agencyCode: code, updatedAt: now.toISOString() });
    }
    return fresh.length;
  }

  fileUrl(name: string): string {
    return `${this.publicUrl}/demo-files/${name}`;
  }

  /** Datasets `from` … `from + count - 1` of the synthetic sequence. */
  synthetic(from: number, count: number): DemoItem[] {
    const { entries } = loadTitleEntries();
    const items: DemoItem[] = [];
    for (let n = from; n < from + count; n++) {
      const round = Math.floor(n / entries.length);
      items.push(this.syntheticDataset(n, entries[n % entries.length] as TitleEntry, round));
    }
    return items;
  }

  private syntheticDataset(n: number, entry: TitleEntry, round: number): DemoItem {
    const random = new DemoRandom(`dataset:${n}`);
    const title = round === 0 ? entry.title : `${entry.title}（${112 - ((round - 1) % 12)}年）`.slice(0, 255);
    let match = this.topics.get(entry.title);
    if (!match) {
      match = classifyTitle(entry.title);
      this.topics.set(entry.title, match);
    }
    const publisher: DemoAgency = choosePublisher(this.directory, entry, match, random);
    const identifier = this.codes.nextIdentifier(publisher);
    const fields = demoFields(match.topic.fields, entry.description);
    const topicFrequency = match.topic.frequency && random.chance(0.6) ? match.topic.frequency : undefined;
    const accrualPeriodicity = frequencyHint(title) ?? topicFrequency ?? random.weighted(FREQUENCIES);
    const dates = demoDates(random, title);
    const status = random.weighted(STATUSES);
    const license = random.weighted(LICENCE_WEIGHTS);
    const resourceField = fields.map((f) => ({
      name: f.name,
      description: [f.title, f.description].filter(Boolean).join('，'),
    }));
    const formats = pickFormats(random);
    const distribution = formats.map((format, i) => {
      const id = resourceId(identifier, i + 1);
      const url = `${this.publicUrl}/demo-files/generated/${id}.${extensionOf(format)}`;
      return {
        resourceID: id,
        resourceDescription: format === 'API' ? `${title} API（JSON）` : `${title}（${format}）`,
        format,
        characterSetCode: 'UTF-8',
        resourceModified: dates.modified,
        ...(format === 'API' ? { accessURL: url, resourceRequestMethod: 'GET' } : { downloadURL: url }),
        resourceField,
        resourceAmount: format === 'PDF' ? null : generatedRowCount(id),
      };
    });
    const contact = demoContact(random, publisher, this.codes.codeFor(publisher), entry);
    const notes =
      entry.source !== 'datagovtw' && entry.slug
        ? `原始資料集：${CITY_PORTALS[entry.source]}${entry.slug}（2018 年目錄）`
        : null;
    const input = {
      categoryCode: match.topic.categoryCode,
      identifier,
      title,
      description: demoDescription(random, title, entry.description, publisher, fields, accrualPeriodicity),
      fields,
      type: formats.includes('API') ? 'SERVICES' : 'rawData',
      license,
      licenseURL: LICENCES.find((l) => l.code === license)?.url,
      cost: '免費',
      organization: publisher.organization,
      ...contact,
      publisher: publisher.name,
      publisherOID: publisher.oid,
      accrualPeriodicity,
      temporalCoverageFrom: dates.temporalFrom,
      temporalCoverageTo: dates.temporalTo,
      issued: dates.issued,
      modified: dates.modified,
      spatial: demoSpatial(title, publisher),
      language: 'zh',
      keyword: demoKeywords(title, match.keywords),
      numberOfData: distribution[0]?.resourceAmount ?? null,
      notes,
      themes: random.chance(0.9) ? match.themes : [],
      accessLevel: random.chance(0.01) ? 'on_request' : 'open',
      status,
      distribution,
    };
    const system: SystemFields = {
      publicationMethod:
        entry.source === 'datagovtw'
          ? random.weighted([
              ['manual', 75],
              ['system', 20],
              ['harvest', 5],
            ] as const)
          : 'harvest',
      publishedAt: status === 'draft' ? null : `${dates.issued} ${dates.time}`,
      metadataModifiedAt: `${dates.modified} ${dates.time}`,
      // 預計下架 datasets announce a day in the first half of next year.
      ...(status === 'delisting_scheduled'
        ? { delistingDate: `${new Date().getUTCFullYear() + 1}-0${random.int(1, 6)}-15` }
        : {}),
    };
    return { input, system };
  }
}
