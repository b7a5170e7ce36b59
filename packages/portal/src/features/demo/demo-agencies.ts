import type { AgencyEntry } from '../organizations/agency-registry.ts';
import type { DemoRandom } from './demo-random.ts';
import { CITY_PUBLISHERS, type TitleEntry } from './demo-sources.ts';
import type { TopicMatch } from './demo-topics.ts';

/** An agency of the registry, as the demo needs it to publish. */
export interface DemoAgency {
  oid: string;
  name: string;
  /** 上級機關名稱: the parent's name, or the agency itself at the top of its tree. */
  organization: string;
  level: 'central' | 'local';
  phone: string | null;
}

const normalise = (s: string): string => s.replaceAll('台', '臺');

/** The 22 counties and cities, as titles name them (臺 and 台 both). */
const CITY_NAME =
  /(臺北市|新北市|桃園市|桃園縣|臺中市|臺南市|高雄市|基隆市|新竹市|嘉義市|新竹縣|苗栗縣|彰化縣|南投縣|雲林縣|嘉義縣|屏東縣|宜蘭縣|花蓮縣|臺東縣|澎湖縣|金門縣|連江縣)/;

/** A name distinctive enough to be recognised inside a title. */
const distinctive = (name: string): boolean =>
  name.length >= 4 || (name.length === 3 && /[部院館署]$/.test(name));

interface NameNode {
  next: Map<string, NameNode>;
  agency?: DemoAgency;
}

/** Looks agencies up by name and recognises them in dataset titles. */
export class AgencyDirectory {
  private readonly byName = new Map<string, DemoAgency>();
  private readonly children = new Map<string, DemoAgency[]>();
  private readonly matched = new Map<string, DemoAgency | undefined>();
  /** A trie of the distinctive names, to find the longest one in a title in one pass. */
  private readonly names: NameNode = { next: new Map() };

  constructor(entries: readonly AgencyEntry[]) {
    const byOid = new Map(entries.map((e) => [e.oid, e]));
    const matchable = new Map<string, DemoAgency>();
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(normalise(e.name), (counts.get(normalise(e.name)) ?? 0) + 1);
    for (const e of entries) {
      const key = normalise(e.name);
      const parent = e.parentOid ? byOid.get(e.parentOid) : undefined;
      const agency: DemoAgency = {
        oid: e.oid,
        name: e.name,
        organization: parent?.name ?? e.name,
        level: e.level,
        phone: e.phone,
      };
      if (!this.byName.has(key)) this.byName.set(key, agency);
      if (counts.get(key) === 1 && distinctive(key)) matchable.set(key, agency);
      if (e.parentOid) {
        const siblings = this.children.get(e.parentOid);
        if (siblings) siblings.push(agency);
        else this.children.set(e.parentOid, [agency]);
      }
    }
    for (const [name, agency] of matchable) {
      let node = this.names;
      for (let k = 0; k < name.length; k++) {
        const ch = name[k] as string;
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = { next: new Map() }));
        node = child;
      }
      node.agency = agency;
    }
  }

  find(name: string): DemoAgency | undefined {
    return this.byName.get(normalise(name));
  }

  /** The longest distinctive agency name the title contains (remembered per title). */
  matchIn(title: string): DemoAgency | undefined {
    if (this.matched.has(title)) return this.matched.get(title);
    const found = this.longestNameIn(normalise(title));
    this.matched.set(title, found);
    return found;
  }

  private longestNameIn(s: string): DemoAgency | undefined {
    let best: DemoAgency | undefined;
    let bestLength = 0;
    for (let i = 0; i < s.length; i++) {
      let node: NameNode | undefined = this.names;
      for (let j = i; j < s.length && node; j++) {
        node = node.next.get(s[j] as string);
        if (node?.agency && j + 1 - i > bestLength) {
          best = node.agency;
          bestLength = j + 1 - i;
        }
      }
    }
    return best;
  }

  /** The government of the first county or city the title names (臺北市… → 臺北市政府). */
  cityGovernment(title: string): DemoAgency | undefined {
    const city = CITY_NAME.exec(normalise(title))?.[1];
    if (!city) return undefined;
    return (
      this.find(`${city}政府`) ??
      this.find(`福建省${city}政府`) ??
      this.find(`${city.replace('桃園縣', '桃園市')}政府`)
    );
  }

  /** The bureaus (局, 處) directly under an agency, in registry order. */
  bureausUnder(agency: DemoAgency): DemoAgency[] {
    return (this.children.get(agency.oid) ?? []).filter(
      (a) => /[局處]$/.test(a.name) && !a.name.endsWith('分局'),
    );
  }

  /** The first of `bureaus` that exists under `government` (臺北市政府 + 交通局). */
  bureauOf(government: DemoAgency, bureaus: readonly string[]): DemoAgency | undefined {
    const base = government.name.replace(/^福建省/, '');
    for (const bureau of bureaus) {
      const found = this.find(`${government.name}${bureau}`) ?? this.find(`${base}${bureau}`);
      if (found) return found;
    }
    return undefined;
  }
}

const isGovernment = (a: DemoAgency): boolean => /[市縣]政府$/.test(a.name);

/**
 * Who publishes a dataset: an agency the title names (refined to the bureau of a
 * city that matches the topic), the catalogue's city for the city catalogues, the
 * government of a county or city the title names, else a ministry for the topic.
 */
export function choosePublisher(
  directory: AgencyDirectory,
  entry: TitleEntry,
  match: TopicMatch,
  random: DemoRandom,
): DemoAgency {
  const named = directory.matchIn(entry.title);
  const refine = (government: DemoAgency): DemoAgency => {
    if (entry.unit) {
      const unit = directory.find(`${government.name}${entry.unit.split(/[_＿]/)[0] ?? ''}`);
      if (unit) return unit;
    }
    const bureau = directory.bureauOf(government, match.topic.bureaus);
    if (bureau) return bureau;
    // A title with no topic: the government itself or any of its bureaus.
    const bureaus = match.topic.id === 'general' ? directory.bureausUnder(government) : [];
    return bureaus.length > 0 && random.chance(0.6) ? random.pick(bureaus) : government;
  };
  if (entry.source !== 'datagovtw') {
    const government = directory.find(CITY_PUBLISHERS[entry.source]);
    if (government) {
      if (named && named.name.startsWith(government.name) && named !== government) return named;
      return refine(government);
    }
  }
  if (named) return isGovernment(named) ? refine(named) : named;
  const city = directory.cityGovernment(entry.title);
  if (city) return refine(city);
  const central = match.topic.central
    .map((n) => directory.find(n))
    .filter((a): a is DemoAgency => a !== undefined);
  if (central.length > 0) {
    const leadShare = match.topic.id === 'general' ? 0 : 0.7;
    return random.chance(leadShare) ? (central[0] as DemoAgency) : random.pick(central);
  }
  const fallback = directory.find('國家發展委員會');
  if (!fallback) throw new Error('The agency registry has no 國家發展委員會');
  return fallback;
}
