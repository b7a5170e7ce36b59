/**
 * The B5 workload: a reproducible list of URLs over the test hosts of
 * bench/peers/link-servers.ts, each with the verdict it should get.
 */

/** A small seeded PRNG (mulberry32), so every run checks the same URLs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type LinkKind =
  | 'ok'
  | '404'
  | '410'
  | '500'
  | 'redirect ≤5 → 200'
  | 'redirect → 404'
  | 'redirect 6–7 → 200'
  | 'redirect loop'
  | 'reset'
  | 'timeout';

export interface LinkCase {
  url: string;
  kind: LinkKind;
  host: number;
  latencyMs: number;
  /** Linkable by QUALITY.md: a 2xx after at most 5 redirects. */
  expected: boolean;
}

/** Shares of each kind (the rest is plain 200s). */
const MIX: Array<[LinkKind, number]> = [
  ['404', 0.07],
  ['410', 0.01],
  ['500', 0.04],
  ['redirect ≤5 → 200', 0.09],
  ['redirect → 404', 0.02],
  ['redirect 6–7 → 200', 0.005],
  ['redirect loop', 0.01],
  ['reset', 0.005],
  ['timeout', 0.003],
];

export function slowHosts(hosts: number): Set<number> {
  const count = Math.max(1, Math.round(hosts / 10));
  return new Set(Array.from({ length: count }, (_, i) => hosts - 1 - i));
}

/** Hosts that answer 405 to HEAD (the fetcher then asks with a ranged GET). */
export function noHeadHosts(hosts: number): number[] {
  return Array.from({ length: hosts }, (_, i) => i).filter((i) => i % 10 === 3);
}

export function hostName(index: number): string {
  return `127.0.0.${index + 2}`;
}

export function linkWorkload(count: number, hosts: number, port: number, seed = 5): LinkCase[] {
  const random = prng(seed);
  const slow = slowHosts(hosts);
  const cases: LinkCase[] = [];
  for (let id = 0; id < count; id++) {
    const host = Math.floor(random() * hosts);
    // 20–200 ms on ordinary hosts, 300–500 ms on the slow ones.
    const latencyMs = slow.has(host) ? 300 + Math.floor(random() * 201) : 20 + Math.floor(random() * 181);
    let pick = random();
    let kind: LinkKind = 'ok';
    for (const [k, share] of MIX) {
      if (pick < share) {
        kind = k;
        break;
      }
      pick -= share;
    }
    const base = `http://${hostName(host)}:${port}`;
    let path: string;
    let expected = false;
    switch (kind) {
      case 'ok':
        path = `/ok/${latencyMs}/${id}`;
        expected = true;
        break;
      case '404':
      case '410':
      case '500':
        path = `/${kind}/${latencyMs}/${id}`;
        break;
      case 'redirect ≤5 → 200': {
        const hops = [1, 1, 1, 2, 2, 3, 3, 4, 5][Math.floor(random() * 9)]!;
        path = `/redir/${latencyMs}/${hops}/ok/${id}`;
        expected = true;
        break;
      }
      case 'redirect → 404':
        path = `/redir/${latencyMs}/${1 + Math.floor(random() * 2)}/404/${id}`;
        break;
      case 'redirect 6–7 → 200':
        path = `/redir/${latencyMs}/${6 + Math.floor(random() * 2)}/ok/${id}`;
        break;
      case 'redirect loop':
        path = `/loop/${latencyMs}/${id}`;
        break;
      case 'reset':
        path = `/reset/${latencyMs}/${id}`;
        break;
      case 'timeout':
        path = `/hang/0/${id}`;
        break;
    }
    cases.push({ url: base + path, kind, host, latencyMs, expected });
  }
  return cases;
}

/** Parses semicolon-separated values with double-quote quoting (linkchecker's CSV output). */
export function parseDelimited(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
