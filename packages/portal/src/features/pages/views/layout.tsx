import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { HTML_LANG, localePath, otherLocale, LOCALES } from '../../../i18n/locale.ts';
import { accountMessages } from '../../accounts/account-messages.ts';
import { qualityMessages } from '../../quality-dashboard/quality-dashboard-messages.ts';
import { FONT_SIZE_STYLESHEET_HREF, FONT_SIZES, fontSizeHref } from '../font-size.routes.ts';
import { SEARCH_SCRIPT_HREF, STYLESHEET_HREF } from '../page-assets.ts';
import { href, jsonPath, type PageContext } from '../page-context.ts';
import { Breadcrumb, type Crumb } from './breadcrumb.tsx';

/**
 * The page frame, following Taiwan's government web conventions: a skip link, the 導盲磚
 * access keys (U top, C content, Z footer), a language switch and a 字級 control that
 * work without JavaScript (the one script, search as you type, only enhances the search box), the main menu, a breadcrumb below home, and the footer.
 */

/**
 * CSP for pages: scripts and styles come only from this site's files (no inline code, no
 * eval), and scripts may fetch from this site only (the search suggestions). The
 * schema.org `<script type="application/ld+json">` is a data block, which browsers
 * neither execute nor submit to script-src.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type Section =
  'home' | 'datasets' | 'organizations' | 'themes' | 'quality' | 'api' | 'about' | 'other';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  section: Section;
  /** The trail from home to this page (home itself is added); empty on the home page. */
  crumbs: Crumb[];
  description?: string;
  /** schema.org JSON-LD for the page, already serialized (see json-ld.ts). */
  jsonLd?: string;
  /** Whether this page has a `.json` twin (default true). */
  hasJson?: boolean;
  /** Whether the page has a search box, which the search-as-you-type script enhances. */
  searchBox?: boolean;
  children: ComponentChildren;
}

function MainNav({ ctx, section }: { ctx: PageContext; section: Section }) {
  const items: [Exclude<Section, 'home' | 'other'>, string, string][] = [
    ['datasets', '/datasets', ctx.m.nav.datasets],
    ['organizations', '/organizations', ctx.m.nav.organizations],
    ['themes', '/themes', ctx.m.nav.themes],
    ['quality', '/quality', qualityMessages(ctx.locale).nav],
    ['api', '/api', ctx.m.nav.api],
    ['about', '/about', ctx.m.nav.about],
  ];
  return (
    <nav class="main-nav" aria-label={ctx.m.nav.label}>
      <ul>
        {items.map(([key, path, label]) => (
          <li key={key}>
            <a href={href(ctx, path)} aria-current={section === key ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Tools({ ctx }: { ctx: PageContext }) {
  const other = otherLocale(ctx.locale);
  const here = href(ctx, ctx.path);
  const titles = {
    small: ctx.m.fontSize.smallTitle,
    medium: ctx.m.fontSize.mediumTitle,
    large: ctx.m.fontSize.largeTitle,
  };
  return (
    <ul class="tools">
      <li>
        <a href={href(ctx, '/login')} rel="nofollow">
          {accountMessages(ctx.locale).signInLink}
        </a>
      </li>
      <li>
        <a
          href={localePath(other, ctx.path)}
          hreflang={HTML_LANG[other]}
          lang={HTML_LANG[other]}
          title={ctx.m.language.switchTitle}
        >
          {ctx.m.language.switchLabel}
        </a>
      </li>
      <li>
        <span id="font-size-label">{ctx.m.fontSize.label}</span>
        <ul class="font-size" aria-labelledby="font-size-label">
          {FONT_SIZES.map((size) => (
            <li key={size}>
              <a href={fontSizeHref(size, here)} data-size={size} title={titles[size]} rel="nofollow">
                {ctx.m.fontSize[size]}
              </a>
            </li>
          ))}
        </ul>
      </li>
    </ul>
  );
}

function Footer({ ctx, jsonHref }: { ctx: PageContext; jsonHref: string | undefined }) {
  const m = ctx.m.footer;
  return (
    <footer id="footer" class="site-footer">
      <div class="wrap">
        <a class="accesskey" href="#footer" id="AZ" accesskey="Z" title={ctx.m.accesskey.footer}>
          :::
        </a>
        <p>
          {m.licence} <a href={href(ctx, '/licence')}>{m.licenceLink}</a>
        </p>
        <p>
          <strong>{m.contact}</strong>
          {ctx.m.colon}
          {m.contactText} <a href={href(ctx, '/faq')}>{m.faq}</a>
        </p>
        <ul class="footer-links">
          <li>
            <a href={href(ctx, '/sitemap')}>{m.sitemap}</a>
          </li>
          <li>
            <a href={href(ctx, '/faq')}>{m.faq}</a>
          </li>
          <li>
            <a href={href(ctx, '/licence')}>{m.licenceLink}</a>
          </li>
          <li>
            <a href={href(ctx, '/api')}>{ctx.m.nav.api}</a>
          </li>
          <li>
            <a href={href(ctx, '/quality')}>{qualityMessages(ctx.locale).dashboardLink}</a>
          </li>
          {jsonHref ? (
            <li>
              <a href={jsonHref} type="application/json">
                {m.jsonLink}
              </a>
            </li>
          ) : null}
          <li>{m.source}</li>
        </ul>
      </div>
    </footer>
  );
}

export function Layout(props: LayoutProps) {
  const { ctx, title, section, crumbs, description, jsonLd, children } = props;
  const jsonHref = props.hasJson === false ? undefined : href(ctx, jsonPath(ctx.path));
  const fullTitle = section === 'home' ? ctx.m.siteName : `${title} | ${ctx.m.siteName}`;
  return (
    <html lang={HTML_LANG[ctx.locale]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={STYLESHEET_HREF} />
        <link rel="stylesheet" href={FONT_SIZE_STYLESHEET_HREF} />
        {LOCALES.map((l) => (
          <link
            key={l}
            rel="alternate"
            hreflang={HTML_LANG[l]}
            href={`${ctx.publicUrl}${localePath(l, ctx.path)}`}
          />
        ))}
        <link
          rel="alternate"
          hreflang="x-default"
          href={`${ctx.publicUrl}${localePath('zh-TW', ctx.path)}`}
        />
        {jsonHref ? <link rel="alternate" type="application/json" href={jsonHref} /> : null}
        {props.searchBox ? <SearchScript ctx={ctx} /> : null}
        {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ctx.m.skipToContent}
        </a>
        <header id="top" class="site-header">
          <div class="toolbar wrap">
            <a class="accesskey" href="#top" id="AU" accesskey="U" title={ctx.m.accesskey.top}>
              :::
            </a>
            <Tools ctx={ctx} />
          </div>
          <div class="brand wrap">
            <a class="site-name" href={href(ctx, '/')}>
              {ctx.m.siteName}
            </a>
            <p class="tagline">{ctx.m.siteTagline}</p>
          </div>
          <div class="wrap">
            <MainNav ctx={ctx} section={section} />
          </div>
        </header>
        {crumbs.length > 0 ? <Breadcrumb ctx={ctx} crumbs={crumbs} /> : null}
        <main id="main" class="wrap" tabIndex={-1}>
          <a class="accesskey" href="#main" id="AC" accesskey="C" title={ctx.m.accesskey.content}>
            :::
          </a>
          {children}
        </main>
        <Footer ctx={ctx} jsonHref={jsonHref} />
      </body>
    </html>
  );
}

/**
 * The search-as-you-type script, deferred; its labels in the page's language ride on its
 * data-* attributes, so the script itself is the same file for every page.
 */
function SearchScript({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.search;
  return (
    <script
      defer
      src={SEARCH_SCRIPT_HREF}
      data-suggest-url="/api/v1/search/suggest"
      data-dataset-path={href(ctx, '/dataset/')}
      data-list-label={m.suggestions}
      data-kind-title={m.suggestionKinds.title}
      data-kind-keyword={m.suggestionKinds.keyword}
      data-kind-agency={m.suggestionKinds.agency}
      data-some={m.suggestionsFound}
      data-none={m.noSuggestions}
    />
  );
}

/** A whole HTML document. Preact escapes every text and attribute value. */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${render(page)}`;
}
