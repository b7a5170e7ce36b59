import type { Locale } from '../../i18n/locale.ts';
import type { OrganizationCounts } from './pages.repo.ts';

/**
 * The agency tree of the /organizations page: 中央 and 地方, each agency under its 上級機關,
 * counting its own listed datasets and its subordinates'. Agencies with no listed dataset
 * anywhere below them are left out (the OID register holds thousands).
 */

export interface OrganizationNode {
  id: number;
  name: string;
  /** The Chinese name when `name` is English (for lang marking), else null. */
  nameZh: string | null;
  level: string;
  ownDatasets: number;
  datasets: number;
  children: OrganizationNode[];
}

export interface OrganizationTree {
  central: OrganizationNode[];
  local: OrganizationNode[];
  unmatched: { publisher: string; count: number }[];
}

export function organizationTree(counts: OrganizationCounts, locale: Locale): OrganizationTree {
  const nodes = new Map<number, OrganizationNode>();
  for (const o of counts.organizations) {
    const english = locale === 'en' && o.nameEn ? o.nameEn : null;
    nodes.set(o.id, {
      id: o.id,
      name: english ?? o.nameZh,
      nameZh: english ? null : o.nameZh,
      level: o.level,
      ownDatasets: counts.own.get(o.id) ?? 0,
      datasets: 0,
      children: [],
    });
  }
  const roots: OrganizationNode[] = [];
  for (const o of counts.organizations) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId === null ? undefined : nodes.get(o.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const total = (n: OrganizationNode, depth: number): number => {
    n.datasets = n.ownDatasets + (depth > 20 ? 0 : n.children.reduce((s, c) => s + total(c, depth + 1), 0));
    n.children.sort((a, b) => b.datasets - a.datasets || a.id - b.id);
    return n.datasets;
  };
  roots.forEach((r) => total(r, 0));
  roots.sort((a, b) => b.datasets - a.datasets || a.id - b.id);
  return {
    central: roots.filter((r) => r.level !== 'local'),
    local: roots.filter((r) => r.level === 'local'),
    unmatched: counts.unmatched,
  };
}
