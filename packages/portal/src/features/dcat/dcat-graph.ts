import { findCategory, findLicence } from '@odp/quality/metadata';
import type { NamedNode } from 'n3';
import { findTheme } from '../../domain/vocabularies/themes.ts';
import { messagesFor } from '../../i18n/messages.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import {
  ACCESS_RIGHTS,
  CATEGORY_EU_THEME,
  EU_ACCESS_RIGHT,
  EU_COUNTRY,
  EU_DATA_THEME,
  EU_FILE_TYPE,
  EU_FREQUENCY,
  EU_LANGUAGE,
  EU_THEMES,
  euFrequency,
  euThemeOfTheme,
  FORMAT_FILE_TYPE,
  FORMAT_MEDIA_TYPE,
  IANA_MEDIA_TYPES,
  LANGUAGES,
  normaliseFormat,
  TAIWAN_NAMES,
  type EuTheme,
} from './dcat-vocabularies.ts';
import { iri, RdfGraph, term, text, typed, urlIri } from './rdf-graph.ts';

/**
 * A dataset record as DCAT-AP 3.0.1: the dataset, its distributions, and every node
 * they point to, each with the rdf:type the range shapes (range.ttl) check — a licence
 * is a dct:LicenseDocument, a theme a skos:Concept (with its prefLabel and scheme), a
 * frequency a dct:Frequency, a format a dct:MediaTypeOrExtent, and so on.
 */

const ZH = 'zh-Hant';
const HAN = /\p{Script=Han}/u;

const dcat = (l: string) => term('dcat', l);
const dct = (l: string) => term('dct', l);
const foaf = (l: string) => term('foaf', l);
const vcard = (l: string) => term('vcard', l);
const skos = (l: string) => term('skos', l);
const rdfs = (l: string) => term('rdfs', l);
const locn = (l: string) => term('locn', l);

/** The IRIs of the portal's own things, under its public URL. */
export class PortalIris {
  readonly base: string;
  constructor(publicUrl: string) {
    this.base = publicUrl.replace(/\/+$/, '');
  }
  catalog(): NamedNode {
    return iri(`${this.base}/catalog`);
  }
  dataset(datasetId: number): NamedNode {
    return iri(`${this.base}/dataset/${datasetId}`);
  }
  distribution(datasetId: number, resourceID: string): NamedNode {
    return iri(`${this.base}/dataset/${datasetId}#${encodeURIComponent(resourceID)}`);
  }
  part(datasetId: number, name: string): NamedNode {
    return iri(`${this.base}/dataset/${datasetId}#${name}`);
  }
  organization(organizationId: number): NamedNode {
    return iri(`${this.base}/organizations/${organizationId}`);
  }
  scheme(name: 'categories' | 'themes' | 'formats'): NamedNode {
    return iri(`${this.base}/vocabularies/${name}`);
  }
  concept(scheme: 'categories' | 'themes' | 'formats', code: string): NamedNode {
    return iri(`${this.base}/vocabularies/${scheme}/${encodeURIComponent(code)}`);
  }
}

/** A date or date-time of the standard as an xsd:date / xsd:dateTime literal; undefined if it is neither. */
export function dateLiteral(value: string | null | undefined): ReturnType<typeof typed> | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) return typed(v, 'date');
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m || Number.isNaN(Date.parse(`${m[1]}T${m[2]}`))) return undefined;
  return typed(`${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] ?? ''}`, 'dateTime');
}

function labelled(value: string): ReturnType<typeof text> {
  return HAN.test(value) ? text(value, ZH) : text(value);
}

/** The licence of a dataset as an IRI: a listed licence's page, else the declared 授權說明網址. */
export function licenceIri(d: Pick<DatasetRecord, 'license' | 'licenseURL'>): NamedNode | undefined {
  const listed = findLicence(d.license);
  return urlIri(listed?.url || d.licenseURL);
}

export interface DcatOptions {
  publicUrl: string;
}

function addConceptScheme(g: RdfGraph, scheme: NamedNode, zh: string, en: string): void {
  g.type(scheme, 'skos', 'ConceptScheme')
    .add(scheme, dct('title'), text(zh, ZH))
    .add(scheme, dct('title'), text(en, 'en'));
}

function addConcept(g: RdfGraph, concept: NamedNode, scheme: NamedNode, zh: string | null, en: string): void {
  g.type(concept, 'skos', 'Concept').add(concept, skos('inScheme'), scheme);
  if (zh) g.add(concept, skos('prefLabel'), text(zh, ZH));
  g.add(concept, skos('prefLabel'), text(en, 'en'));
}

function addEuTheme(g: RdfGraph, dataset: NamedNode, code: EuTheme): void {
  const scheme = iri(EU_DATA_THEME);
  addConceptScheme(g, scheme, '歐盟資料主題', 'Data theme');
  const concept = iri(`${EU_DATA_THEME}/${code}`);
  addConcept(g, concept, scheme, null, EU_THEMES[code]);
  g.add(dataset, dcat('theme'), concept);
}

function addThemes(g: RdfGraph, ids: PortalIris, d: DatasetRecord, node: NamedNode): void {
  const category = findCategory(d.categoryCode);
  if (category) {
    const scheme = ids.scheme('categories');
    addConceptScheme(g, scheme, '服務分類', 'Service categories');
    const concept = ids.concept('categories', category.code);
    addConcept(g, concept, scheme, category.nameZh, category.nameEn);
    g.add(node, dcat('theme'), concept);
    const eu = CATEGORY_EU_THEME[category.code];
    if (eu) addEuTheme(g, node, eu);
  }
  for (const code of d.themes) {
    const parent = findTheme(code.split('-')[0] ?? code);
    const sub = parent?.subcategories.find((s) => s.code === code);
    const named = sub ?? parent;
    if (!named) continue;
    const scheme = ids.scheme('themes');
    addConceptScheme(g, scheme, '高應用價值主題', 'High-value themes');
    const concept = ids.concept('themes', code);
    addConcept(g, concept, scheme, named.nameZh, named.nameEn);
    g.add(node, dcat('theme'), concept);
    const eu = euThemeOfTheme(code);
    if (eu) addEuTheme(g, node, eu);
  }
}

function telephoneIri(phone: string): NamedNode | undefined {
  const [number, ext] = phone.split(/[#＃]|轉|分機/, 2).map((p) => p.replace(/[^\d+-]/g, ''));
  if (!number || number.replace(/\D/g, '').length < 5) return undefined;
  return iri(`tel:${number}${ext ? `;ext=${ext}` : ''}`);
}

function addContact(
  g: RdfGraph,
  datasetNode: NamedNode,
  node: NamedNode,
  name: string | null,
  phone: string | null,
  email: string | null,
): void {
  const emails = (email ?? '')
    .split(/[,;，、\s]+/)
    .map((e) => e.trim())
    .filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
  const tels = (phone ?? '')
    .split(/[,;，、]+/)
    .map((p) => telephoneIri(p.trim()))
    .filter((t): t is NamedNode => t !== undefined);
  if (!name?.trim() && emails.length === 0 && tels.length === 0) return;
  g.add(datasetNode, dcat('contactPoint'), node).type(node, 'vcard', 'Kind');
  if (name?.trim()) g.add(node, vcard('fn'), labelled(name.trim()));
  for (const e of emails) g.add(node, vcard('hasEmail'), iri(`mailto:${encodeURI(e)}`));
  for (const t of tels) g.add(node, vcard('hasTelephone'), t);
}

function addDistribution(
  g: RdfGraph,
  ids: PortalIris,
  d: DatasetRecord,
  r: ResourceRecord,
  licence: NamedNode | undefined,
  rights: NamedNode,
): void {
  const node = ids.distribution(d.datasetId, r.resourceID);
  g.type(node, 'dcat', 'Distribution').add(node, dct('identifier'), text(r.resourceID));
  if (r.resourceDescription.trim()) {
    g.add(node, dct('title'), labelled(r.resourceDescription.trim()));
    g.add(node, dct('description'), labelled(r.resourceDescription.trim()));
  }
  const download = urlIri(r.downloadURL);
  const access = urlIri(r.accessURL) ?? download;
  if (access) g.add(node, dcat('accessURL'), access).type(access, 'rdfs', 'Resource');
  if (download) g.add(node, dcat('downloadURL'), download).type(download, 'rdfs', 'Resource');
  const format = normaliseFormat(r.format);
  if (format) {
    const fileType = FORMAT_FILE_TYPE[format];
    const formatNode = fileType ? iri(`${EU_FILE_TYPE}/${fileType}`) : ids.concept('formats', format);
    g.add(node, dct('format'), formatNode).type(formatNode, 'dct', 'MediaTypeOrExtent');
    g.add(formatNode, rdfs('label'), text(fileType ?? format));
    const media = FORMAT_MEDIA_TYPE[format];
    if (media) {
      const mediaNode = iri(`${IANA_MEDIA_TYPES}/${media}`);
      g.add(node, dcat('mediaType'), mediaNode).type(mediaNode, 'dct', 'MediaType');
    }
  }
  if (licence) g.add(node, dct('license'), licence);
  g.add(node, dct('rights'), rights);
  if (r.size !== null && r.size >= 0)
    g.add(node, dcat('byteSize'), typed(String(Math.trunc(r.size)), 'nonNegativeInteger'));
  const modified = dateLiteral(r.resourceModified);
  if (modified) g.add(node, dct('modified'), modified);
  g.add(ids.dataset(d.datasetId), dcat('distribution'), node);
}

/** Adds one dataset (and what it points to) to the graph; returns its node. */
export function addDataset(g: RdfGraph, d: DatasetRecord, options: DcatOptions): NamedNode {
  const ids = new PortalIris(options.publicUrl);
  const node = ids.dataset(d.datasetId);
  g.type(node, 'dcat', 'Dataset');
  if (d.title.trim()) g.add(node, dct('title'), text(d.title.trim(), ZH));
  if (d.titleEn?.trim()) g.add(node, dct('title'), text(d.titleEn.trim(), 'en'));
  if (d.description.trim()) g.add(node, dct('description'), text(d.description.trim(), ZH));
  if (d.descriptionEn?.trim()) g.add(node, dct('description'), text(d.descriptionEn.trim(), 'en'));
  g.add(node, dct('identifier'), text(d.identifier));
  for (const k of d.keyword) if (k.trim()) g.add(node, dcat('keyword'), labelled(k.trim()));
  addThemes(g, ids, d, node);

  if (d.spatial?.trim()) {
    const name = d.spatial.trim();
    const place = TAIWAN_NAMES.has(name) ? iri(`${EU_COUNTRY}/TWN`) : ids.part(d.datasetId, 'spatial');
    g.add(node, dct('spatial'), place).type(place, 'dct', 'Location');
    g.add(place, locn('geographicName'), labelled(name));
  }
  const start = dateLiteral(d.temporalCoverageFrom);
  const end = dateLiteral(d.temporalCoverageTo);
  if (start || end) {
    const period = ids.part(d.datasetId, 'temporal');
    g.add(node, dct('temporal'), period).type(period, 'dct', 'PeriodOfTime');
    if (start) g.add(period, dcat('startDate'), start);
    if (end) g.add(period, dcat('endDate'), end);
  }
  const issued = dateLiteral(d.issued) ?? dateLiteral(d.publishedAt);
  if (issued) g.add(node, dct('issued'), issued);
  const modified = dateLiteral(d.modified) ?? dateLiteral(d.metadataModifiedAt);
  if (modified) g.add(node, dct('modified'), modified);

  addContact(
    g,
    node,
    ids.part(d.datasetId, 'contact'),
    d.publisherContactName,
    d.publisherContactPhone,
    d.publisherContactEmail,
  );
  addContact(
    g,
    node,
    ids.part(d.datasetId, 'contact-organization'),
    d.organizationContactName,
    d.organizationContactPhone,
    d.organizationContactEmail,
  );

  if (d.publisher.trim()) {
    const agent =
      d.organizationId !== null ? ids.organization(d.organizationId) : ids.part(d.datasetId, 'publisher');
    g.add(node, dct('publisher'), agent).type(agent, 'foaf', 'Agent');
    g.add(agent, foaf('name'), text(d.publisher.trim(), ZH));
  }

  const frequency = euFrequency(d.updateFrequency);
  if (frequency) {
    const f = iri(`${EU_FREQUENCY}/${frequency}`);
    g.add(node, dct('accrualPeriodicity'), f).type(f, 'dct', 'Frequency');
    g.add(f, rdfs('label'), text(d.accrualPeriodicity, ZH));
  }
  const landing = urlIri(d.landingPage);
  if (landing) g.add(node, dcat('landingPage'), landing).type(landing, 'foaf', 'Document');
  const access = ACCESS_RIGHTS[d.accessLevel];
  if (access) {
    const a = iri(`${EU_ACCESS_RIGHT}/${access.code}`);
    g.add(node, dct('accessRights'), a).type(a, 'dct', 'RightsStatement');
    g.add(a, rdfs('label'), text(access.label, 'en'));
  }
  const language = d.language ? LANGUAGES[d.language.trim().toLowerCase().slice(0, 2)] : undefined;
  if (language) {
    const l = iri(`${EU_LANGUAGE}/${language}`);
    g.add(node, dct('language'), l).type(l, 'dct', 'LinguisticSystem');
  }

  const licence = licenceIri(d);
  if (licence) {
    g.type(licence, 'dct', 'LicenseDocument');
    const listed = findLicence(d.license);
    if (listed)
      g.add(licence, rdfs('label'), text(listed.nameZh, ZH)).add(
        licence,
        rdfs('label'),
        text(listed.nameEn, 'en'),
      );
  }
  // 計費方式 (and its 計費說明網址 / 法令依據) is the rights statement of every distribution.
  const rights = ids.part(d.datasetId, 'rights');
  g.type(rights, 'dct', 'RightsStatement').add(rights, rdfs('label'), text(d.cost, ZH));
  const costUrl = urlIri(d.costURL);
  if (costUrl) g.add(rights, foaf('page'), costUrl).type(costUrl, 'foaf', 'Document');
  if (d.costLaw?.trim()) g.add(rights, rdfs('comment'), labelled(d.costLaw.trim()));
  for (const r of d.distribution) addDistribution(g, ids, d, r, licence, rights);
  return node;
}

/** The catalogue node (title, publisher, homepage, theme taxonomies) linking the given datasets. */
export function addCatalog(g: RdfGraph, datasets: readonly NamedNode[], options: DcatOptions): NamedNode {
  const ids = new PortalIris(options.publicUrl);
  const zh = messagesFor('zh-TW');
  const en = messagesFor('en');
  const node = ids.catalog();
  g.type(node, 'dcat', 'Catalog')
    .add(node, dct('title'), text(zh.siteName, ZH))
    .add(node, dct('title'), text(en.siteName, 'en'))
    .add(node, dct('description'), text(`${zh.siteName}的資料集目錄`, ZH))
    .add(node, dct('description'), text(`The dataset catalogue of the ${en.siteName}`, 'en'));
  const publisher = iri(`${ids.base}/#publisher`);
  g.add(node, dct('publisher'), publisher)
    .type(publisher, 'foaf', 'Agent')
    .add(publisher, foaf('name'), text(zh.siteName, ZH));
  const home = iri(`${ids.base}/`);
  g.add(node, foaf('homepage'), home).type(home, 'foaf', 'Document');
  const language = iri(`${EU_LANGUAGE}/ZHO`);
  g.add(node, dct('language'), language).type(language, 'dct', 'LinguisticSystem');
  addConceptScheme(g, ids.scheme('categories'), '服務分類', 'Service categories');
  addConceptScheme(g, ids.scheme('themes'), '高應用價值主題', 'High-value themes');
  addConceptScheme(g, iri(EU_DATA_THEME), '歐盟資料主題', 'Data theme');
  for (const s of [ids.scheme('categories'), ids.scheme('themes'), iri(EU_DATA_THEME)])
    g.add(node, dcat('themeTaxonomy'), s);
  for (const d of datasets) g.add(node, dcat('dataset'), d);
  return node;
}

/** One dataset as a DCAT-AP graph (the dataset and everything it points to). */
export function datasetGraph(d: DatasetRecord, options: DcatOptions): RdfGraph {
  const g = new RdfGraph();
  addDataset(g, d, options);
  return g;
}
