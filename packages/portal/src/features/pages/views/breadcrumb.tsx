import { href, type PageContext } from '../page-context.ts';

/** 麵包屑: home, the trail, and the current page (not a link, marked aria-current). */

export interface Crumb {
  label: string;
  /** A page path without the language prefix; omitted for the current page. */
  path?: string;
}

export function Breadcrumb({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  const trail: Crumb[] = [{ label: ctx.m.breadcrumb.home, path: '/' }, ...crumbs];
  return (
    <nav class="breadcrumb wrap" aria-label={ctx.m.breadcrumb.label}>
      <ol>
        {trail.map((c, i) =>
          c.path !== undefined && i < trail.length - 1 ? (
            <li key={i}>
              <a href={href(ctx, c.path)}>{c.label}</a>
            </li>
          ) : (
            <li key={i} aria-current="page">
              {c.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
