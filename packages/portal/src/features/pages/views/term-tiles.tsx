import type { CountedTerm } from '../browse-counts.ts';
import { href, type PageContext } from '../page-context.ts';

/** A grid of themes or categories, each a link with its dataset count. */
export function TermTiles({ ctx, terms, base }: { ctx: PageContext; terms: CountedTerm[]; base: string }) {
  return (
    <ul class="tiles">
      {terms.map((t) => (
        <li key={t.code}>
          <a href={href(ctx, `${base}/${encodeURIComponent(t.code)}`)}>
            <span class="name">{t.name}</span>
            <span class="count">{ctx.m.home.datasetCount(t.count)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
