import { API_EXAMPLES, OGDL_URL, UNPREFIXED_PATHS, licenceList, type SitePage } from '../site-pages.ts';
import { href, type PageContext } from '../page-context.ts';
import { Layout } from './layout.tsx';

/** The informational pages: 授權條款, API, 關於, 常見問答, 網站導覽. */

export function LicencePage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.licence;
  return (
    <Layout
      ctx={ctx}
      title={m.title}
      section="about"
      crumbs={[{ label: ctx.m.nav.about, path: '/about' }, { label: m.title }]}
    >
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
    </Layout>
  );
}

function Examples({
  ctx,
  paths,
  localised,
}: {
  ctx: PageContext;
  paths: readonly string[];
  localised?: boolean;
}) {
  return (
    <ul>
      {paths.map((p) => {
        const path = localised ? href(ctx, p) : p;
        return (
          <li key={p}>
            <code>curl '{`${ctx.publicUrl}${path}`}'</code> — <a href={path}>{path}</a>
          </li>
        );
      })}
    </ul>
  );
}

export function ApiPage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.apiPage;
  return (
    <Layout ctx={ctx} title={m.title} section="api" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <ul>
        <li>
          <a href="/api/docs">{m.docs}</a>
        </li>
        <li>
          <a href="/api/v1/openapi.json">{m.openapi}</a>
        </li>
      </ul>
      <section aria-labelledby="api-v1">
        <h2 id="api-v1">{m.v1}</h2>
        <p>{m.v1Text}</p>
        <h3>{m.examples}</h3>
        <Examples ctx={ctx} paths={API_EXAMPLES.v1} />
      </section>
      <section aria-labelledby="api-v2">
        <h2 id="api-v2">{m.v2}</h2>
        <p>{m.v2Text}</p>
        <h3>{m.examples}</h3>
        <Examples ctx={ctx} paths={API_EXAMPLES.v2} />
      </section>
      <section aria-labelledby="api-pages">
        <h2 id="api-pages">{m.pages}</h2>
        <p>{m.pagesText}</p>
        <Examples ctx={ctx} paths={API_EXAMPLES.pages} localised />
      </section>
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
      <ul>
        <li>
          <a href={href(ctx, '/faq')}>{ctx.m.faq.title}</a>
        </li>
        <li>
          <a href={href(ctx, '/licence')}>{ctx.m.licence.title}</a>
        </li>
        <li>
          <a href={href(ctx, '/api')}>{ctx.m.apiPage.title}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function FaqPage({ ctx }: { ctx: PageContext }) {
  const m = ctx.m.faq;
  return (
    <Layout
      ctx={ctx}
      title={m.title}
      section="about"
      crumbs={[{ label: ctx.m.nav.about, path: '/about' }, { label: m.title }]}
    >
      <h1>{m.title}</h1>
      <dl class="faq">
        {m.items.map((item) => (
          <>
            <dt key={`q-${item.q}`}>{item.q}</dt>
            <dd key={`a-${item.q}`}>{item.a}</dd>
          </>
        ))}
      </dl>
    </Layout>
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
