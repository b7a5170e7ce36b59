import { href, type PageContext } from '../page-context.ts';
import { SearchBox } from './common.tsx';
import { Layout } from './layout.tsx';

/** The HTML error page: what happened, a way on (search, home, datasets) and the request id to quote. */

export interface ErrorPageProps {
  ctx: PageContext;
  status: number;
  code: string;
  message: string;
  requestId: string;
}

export function ErrorPage({ ctx, status, code, message, requestId }: ErrorPageProps) {
  const m = ctx.m.error;
  const [title, help] =
    status === 404
      ? [m.notFound, m.notFoundHelp]
      : status < 500
        ? [m.badRequest, m.badRequestHelp]
        : [m.serverError, m.serverErrorHelp];
  return (
    <Layout ctx={ctx} title={title} section="other" crumbs={[{ label: title }]} hasJson={false} searchBox>
      <h1>{title}</h1>
      <p>{help}</p>
      <p lang="en">{message}</p>
      <SearchBox ctx={ctx} />
      <ul>
        <li>
          <a href={href(ctx, '/')}>{m.home}</a>
        </li>
        <li>
          <a href={href(ctx, '/datasets')}>{m.datasets}</a>
        </li>
        <li>
          <a href={href(ctx, '/sitemap')}>{ctx.m.sitemap.title}</a>
        </li>
      </ul>
      <p>
        {m.code}
        {ctx.m.colon}
        <code>{code}</code>（HTTP {status}）
        <br />
        {m.requestId}
        {ctx.m.colon}
        <code>{requestId}</code>
      </p>
    </Layout>
  );
}
