import { HTML_LANG } from '../../../i18n/locale.ts';
import { badgeName, categoryName } from '../../../i18n/vocabulary-labels.ts';
import type { DatasetSummary } from '../dataset-summary.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';

/** Small pieces shared by the pages: the search box, badges, metadata text, dataset lists, the pager. */

/** Text written in Chinese shown on an English page: marked with its language for screen readers. */
export function Chinese({ ctx, text }: { ctx: PageContext; text: string }) {
  return ctx.locale === 'en' ? <span lang={HTML_LANG['zh-TW']}>{text}</span> : <>{text}</>;
}

/** A dataset's title in the reader's language when the catalogue has it, else the Chinese. */
export function DatasetTitle({
  ctx,
  title,
  titleEn,
}: {
  ctx: PageContext;
  title: string;
  titleEn: string | null;
}) {
  if (ctx.locale === 'en' && titleEn) return <>{titleEn}</>;
  return <Chinese ctx={ctx} text={title} />;
}

export function SearchBox({ ctx, q, id = 'q' }: { ctx: PageContext; q?: string | undefined; id?: string }) {
  return (
    <form class="search-box" role="search" method="get" action={href(ctx, '/datasets')}>
      <label for={id}>{ctx.m.search.label}</label>
      <input id={id} name="q" type="search" value={q ?? ''} placeholder={ctx.m.search.placeholder} />
      <button type="submit">{ctx.m.search.button}</button>
    </form>
  );
}

export function Badge({ ctx, badge }: { ctx: PageContext; badge: string | null }) {
  if (badge === null) return null;
  return <span class={`badge badge-${badge}`}>{ctx.m.quality.badge(badgeName(badge, ctx.locale))}</span>;
}

/**
 * The search code's highlight markup (text HTML-escaped, matches in <mark>) if it is
 * exactly that; anything else is not trusted as HTML.
 */
export function isSafeHighlight(html: string): boolean {
  const text = html.replace(/<\/?mark>/g, '');
  return !/[<>]/.test(text) && !/&(?!(?:amp|lt|gt|quot|#39);)/.test(text);
}

function Highlighted({
  html,
  fallback,
  lang,
}: {
  html: string | undefined;
  fallback: string;
  lang?: string;
}) {
  if (html === undefined || !isSafeHighlight(html)) return <span lang={lang}>{fallback}</span>;
  return <span lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function date(value: string | null): string {
  return value ? value.slice(0, 10) : '';
}

function SummaryItem({ ctx, d, headingLevel }: { ctx: PageContext; d: DatasetSummary; headingLevel: 2 | 3 }) {
  const english = ctx.locale === 'en' && d.titleEn;
  const zhLang = ctx.locale === 'en' ? HTML_LANG['zh-TW'] : undefined;
  const title = english ? (
    <>{d.titleEn}</>
  ) : (
    <Highlighted html={d.titleHighlight} fallback={d.title} lang={zhLang} />
  );
  const link = <a href={href(ctx, `/dataset/${d.datasetId}`)}>{title}</a>;
  const snippet = d.descriptionSnippet ?? d.description;
  return (
    <li>
      {headingLevel === 2 ? <h2>{link}</h2> : <h3>{link}</h3>}
      {snippet ? (
        <p>
          {d.descriptionSnippet !== undefined ? (
            <Highlighted html={d.descriptionSnippet} fallback={d.description ?? ''} lang={zhLang} />
          ) : (
            <Chinese ctx={ctx} text={snippet.length > 140 ? `${snippet.slice(0, 140)}…` : snippet} />
          )}
        </p>
      ) : null}
      <ul class="meta">
        <li>
          {ctx.m.datasets.agency}
          {ctx.m.colon}
          <Chinese ctx={ctx} text={d.agency} />
        </li>
        <li>
          {ctx.m.datasets.category}
          {ctx.m.colon}
          {categoryName(d.categoryCode, ctx.locale)}
        </li>
        {d.publishedAt ? (
          <li>
            {ctx.m.datasets.published}
            {ctx.m.colon}
            {date(d.publishedAt)}
          </li>
        ) : null}
        {d.badge ? (
          <li>
            <Badge ctx={ctx} badge={d.badge} />
          </li>
        ) : null}
      </ul>
    </li>
  );
}

export function DatasetList({
  ctx,
  datasets,
  headingLevel = 3,
}: {
  ctx: PageContext;
  datasets: DatasetSummary[];
  headingLevel?: 2 | 3;
}) {
  return (
    <ul class="results">
      {datasets.map((d) => (
        <SummaryItem key={d.datasetId} ctx={ctx} d={d} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}

export interface PagerProps {
  ctx: PageContext;
  total: number;
  limit: number;
  offset: number;
  /** The page path (no language prefix) showing results from `offset`. */
  pathFor: (offset: number) => string;
  /** The highest offset the page accepts. */
  maxOffset?: number;
}

export function Pager({ ctx, total, limit, offset, pathFor, maxOffset = 10_000 }: PagerProps) {
  const last = Math.min(
    Math.max(0, Math.ceil(total / limit) - 1) * limit,
    Math.floor(maxOffset / limit) * limit,
  );
  if (last === 0 && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.floor(last / limit) + 1;
  const m = ctx.m.datasets;
  const link = (o: number, label: string, rel?: string) => (
    <li>
      <a href={href(ctx, pathFor(o))} rel={rel}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="pager" aria-label={m.pager}>
      <ul>
        {offset > 0 ? link(0, m.first) : null}
        {offset > 0 ? link(Math.max(0, offset - limit), m.previous, 'prev') : null}
        <li>
          <a href={href(ctx, pathFor(offset))} aria-current="page">
            {m.pageOf(page, pages)}
          </a>
        </li>
        {offset + limit <= last ? link(offset + limit, m.next, 'next') : null}
        {offset + limit <= last ? link(last, m.last) : null}
      </ul>
    </nav>
  );
}

/** One page of a list of datasets (a theme's, a category's, an agency's) and the pager through it. */
export function PagedDatasetList({
  ctx,
  list,
  path,
}: {
  ctx: PageContext;
  list: { datasets: DatasetSummary[]; total: number; limit: number; offset: number };
  /** The list's page path (no language prefix); later pages add `?offset=`. */
  path: string;
}) {
  return (
    <>
      <DatasetList ctx={ctx} datasets={list.datasets} />
      <Pager
        ctx={ctx}
        total={list.total}
        limit={list.limit}
        offset={list.offset}
        pathFor={(offset) => withQuery(path, { offset: offset || undefined })}
      />
    </>
  );
}
