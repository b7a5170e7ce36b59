import { href, type PageContext } from '../../pages/page-context.ts';
import { previewMessages } from '../preview-messages.ts';
import { chartPath, previewPath } from '../preview-paths.ts';

/** 預覽 and 圖表 links of a structured resource on the dataset page (one with a whole fetched copy). */
export function PreviewLinks({
  ctx,
  datasetId,
  resourceId,
  name,
}: {
  ctx: PageContext;
  datasetId: number;
  resourceId: string;
  name: string;
}) {
  const pm = previewMessages(ctx.locale);
  return (
    <>
      <li>
        <a href={href(ctx, previewPath(datasetId, resourceId))}>{pm.previewLink(name)}</a>
      </li>
      <li>
        <a href={href(ctx, chartPath(datasetId, resourceId))}>{pm.chartLink(name)}</a>
      </li>
    </>
  );
}
