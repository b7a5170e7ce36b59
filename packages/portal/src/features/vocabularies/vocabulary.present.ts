import { z } from 'zod';
import { type Category, type Licence } from '@odp/quality/metadata';
import type { Theme } from '../../domain/vocabularies/themes.ts';

/** The vocabularies of the national standard, as the API shows them. */
const Term = { code: z.string(), nameZh: z.string(), nameEn: z.string() };

export const ThemeSchema = z
  .object({
    ...Term,
    candidate: z.boolean().describe('A candidate theme (候選主題), not yet adopted'),
    subcategories: z.array(z.object(Term)),
  })
  .meta({ id: 'Theme' });
export const CategorySchema = z.object(Term).meta({ id: 'Category' });
export const LicenceSchema = z
  .object({
    ...Term,
    url: z.string(),
    aliases: z.array(z.string()).describe('Other spellings accepted on import'),
  })
  .meta({ id: 'Licence' });

export const resultsOf = <T extends z.ZodType>(item: T) => z.object({ results: z.array(item) });

export function presentTheme(t: Theme): z.output<typeof ThemeSchema> {
  return {
    code: t.code,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    candidate: t.candidate,
    subcategories: t.subcategories.map((s) => ({ code: s.code, nameZh: s.nameZh, nameEn: s.nameEn })),
  };
}

export function presentCategory(c: Category): z.output<typeof CategorySchema> {
  return { code: c.code, nameZh: c.nameZh, nameEn: c.nameEn };
}

export function presentLicence(l: Licence): z.output<typeof LicenceSchema> {
  return { code: l.code, nameZh: l.nameZh, nameEn: l.nameEn, url: l.url, aliases: [...l.aliases] };
}
