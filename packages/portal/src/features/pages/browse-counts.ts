import { CATEGORIES } from '@odp/quality/metadata';
import type { Locale } from '../../i18n/locale.ts';
import { categoryName, themeName } from '../../i18n/vocabulary-labels.ts';
import { THEMES } from '../../domain/vocabularies/themes.ts';
import type { FacetCount } from '../../search/index.ts';

/** 主題 and 服務分類 with their dataset counts, from a search's facet counts. */

export interface CountedTerm {
  code: string;
  name: string;
  count: number;
}

export interface CountedTheme extends CountedTerm {
  /** 候選主題: proposed, not yet adopted. */
  candidate: boolean;
  subcategories: CountedTerm[];
}

function countsOf(facet: readonly FacetCount[]): Map<string, number> {
  return new Map(facet.map((f) => [f.value, f.count]));
}

export function countedThemes(themeFacet: readonly FacetCount[], locale: Locale): CountedTheme[] {
  const counts = countsOf(themeFacet);
  return THEMES.map((t) => ({
    code: t.code,
    name: themeName(t.code, locale),
    count: counts.get(t.code) ?? 0,
    candidate: t.candidate,
    subcategories: t.subcategories.map((s) => ({
      code: s.code,
      name: themeName(s.code, locale),
      count: counts.get(s.code) ?? 0,
    })),
  }));
}

export function countedCategories(categoryFacet: readonly FacetCount[], locale: Locale): CountedTerm[] {
  const counts = countsOf(categoryFacet);
  return CATEGORIES.map((c) => ({
    code: c.code,
    name: categoryName(c.code, locale),
    count: counts.get(c.code) ?? 0,
  }));
}
