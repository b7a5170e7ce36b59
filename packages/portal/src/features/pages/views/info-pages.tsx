import type { ComponentChildren } from 'preact';
import { API_EXAMPLES, OGDL_URL, UNPREFIXED_PATHS, licenceList, type SitePage } from '../site-pages.ts';
import { href, type PageContext } from '../page-context.ts';
import { Layout } from './layout.tsx';

/** The informational pages: 授權條款, API, 關於, 常見問答, 網站導覽. */

/** The layout of a page under 關於 (About): its breadcrumb passes through the About page. */
function AboutSectionLayout({
  ctx,
  title,
  children,
}: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="about"
      crumbs={[{ label: ctx.m.nav.about, path: '/about' }, { label: title }]}
    >
      {children}
    </Layout>
  );
}

export function LicencePage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.licence;
  return (
    <AboutSectionLayout ctx={ctx} title={m.title}>
      <h1>{m.heading}</h1>
      {m.summary.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>
        <a href={OGDL_URL}>{m.fullText}</a>
      </p>
      <h2>{m.others}</h2>
      <table>
        <caption class="visually-hidden">{m.others}</caption>
        <thead>
          <tr>
            <th scope="col">{m.code}</th>
            <th scope="col">{m.name}</th>
          </tr>
        </thead>
        <tbody>
          {licenceList(ctx.locale).map((l) => (
            <tr key={l.code}>
              <th scope="row">
                <code>{l.code}</code>
              </th>
              <td>
                <a href={l.url}>{l.name}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AboutSectionLayout>
  );
}

function LinkList({ links }: { links: { href: string; label: string }[] }) {
  return (
    <ul>
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href}>{l.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** One API of the API page, with example requests (the pages' in the reader's language). */
function ApiSection({
  ctx,
  id,
  heading,
  text,
  examples,
  pages,
}: {
  ctx: PageContext;
  id: string;
  heading: string;
  text: string;
  examples: readonly string[];
  /** The examples are pages: no examples heading, paths in the reader's language. */
  pages?: boolean;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p>{text}</p>
      {pages ? null : <h3>{ctx.m.apiPage.examples}</h3>}
      <ul>
        {examples.map((p) => {
          const path = pages ? href(ctx, p) : p;
          return (
            <li key={p}>
              <code>curl '{`${ctx.publicUrl}${path}`}'</code> — <a href={path}>{path}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ApiPage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.apiPage;
  return (
    <Layout ctx={ctx} title={m.title} section="api" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <LinkList
        links={[
          { href: '/api/docs', label: m.docs },
          { href: '/api/v1/openapi.json', label: m.openapi },
        ]}
      />
      <ApiSection ctx={ctx} id="api-v1" heading={m.v1} text={m.v1Text} examples={API_EXAMPLES.v1} />
      <ApiSection ctx={ctx} id="api-v2" heading={m.v2} text={m.v2Text} examples={API_EXAMPLES.v2} />
      <ApiSection
        ctx={ctx}
        id="api-pages"
        heading={m.pages}
        text={m.pagesText}
        examples={API_EXAMPLES.pages}
        pages
      />
    </Layout>
  );
}

export function AboutPage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.about;
  return (
    <Layout ctx={ctx} title={m.title} section="about" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      {m.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{m.features}</h2>
      <ul>
        {m.featureList.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <LinkList
        links={[
          { href: href(ctx, '/faq'), label: ctx.m.faq.title },
          { href: href(ctx, '/licence'), label: ctx.m.licence.title },
          { href: href(ctx, '/api'), label: ctx.m.apiPage.title },
        ]}
      />
    </Layout>
  );
}

export function FaqPage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.faq;
  return (
    <AboutSectionLayout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <dl class="faq">
        {m.items.map((item) => (
          <>
            <dt key={`q-${item.q}`}>{item.q}</dt>
            <dd key={`a-${item.q}`}>{item.a}</dd>
          </>
        ))}
      </dl>
    </AboutSectionLayout>
  );
}

function SiteTree({ ctx, pages }: { ctx: PageContext; pages: SitePage[] }) {
  return (
    <ul>
      {pages.map((p) => (
        <li key={p.path}>
          <a href={UNPREFIXED_PATHS.includes(p.path) ? p.path : href(ctx, p.path)}>{p.title}</a>
          {p.children ? <SiteTree ctx={ctx} pages={p.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function SitemapPage({ ctx, pages }: { ctx: PageContext; pages: SitePage[] }) {
  const m = ctx.m.sitemap;
  return (
    <Layout ctx={ctx} title={m.title} section="other" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <ul>
        <li>{m.keyTop}</li>
        <li>{m.keyContent}</li>
        <li>{m.keyFooter}</li>
      </ul>
      <p>{m.fontSize}</p>
      <h2>{m.pages}</h2>
      <div class="tree">
        <SiteTree ctx={ctx} pages={pages} />
      </div>
    </Layout>
  );
}
