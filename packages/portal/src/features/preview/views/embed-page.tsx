import { HTML_LANG } from '../../../i18n/locale.ts';
import { STYLESHEET_HREF } from '../../pages/page-assets.ts';
import { href, type PageContext } from '../../pages/page-context.ts';
import type { ChartResult } from '../chart-data.ts';
import { previewMessages } from '../preview-messages.ts';
import { ChartFigure, ChartTable } from './chart-figure.tsx';
import type { PreviewResource } from './preview-page.tsx';

/**
 * The embeddable chart (嵌入): only the chart, its summary, its numbers and a link to the
 * source, for an `<iframe>` on any site. Its CSP lets any page frame it; everything else
 * stays as strict as the portal's pages (no script at all).
 */
export const EMBED_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
  'frame-ancestors *',
].join('; ');

export function EmbedPage({
  ctx,
  resource,
  chart,
}: {
  ctx: PageContext;
  resource: PreviewResource;
  chart: { result: ChartResult; svg: string };
}) {
  const pm = previewMessages(ctx.locale);
  // Relative: inside the frame it resolves against the portal, wherever the frame is.
  const datasetUrl = href(ctx, `/dataset/${resource.datasetId}`);
  return (
    <html lang={HTML_LANG[ctx.locale]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${chart.result.drawing.title} | ${ctx.m.siteName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
      </head>
      <body class="embed">
        <main>
          <h1 class="embed-title">{chart.result.drawing.title}</h1>
          <ChartFigure pm={pm} result={chart.result} svg={chart.svg} />
          <ChartTable pm={pm} result={chart.result} open={false} />
          <p class="embed-source">
            {pm.source(resource.datasetTitle)}{' '}
            <a href={datasetUrl} target="_blank" rel="noopener">
              {pm.sourceLink}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
