import type { ResourceRecord } from '../../datasets/dataset.record.ts';
import { OTHER_FORMATS, type OtherFormat } from '../../formats/other-formats.ts';
import { downloadTarget } from '../../stats/download.routes.ts';
import { mapPagePath, resourceHasMap } from '../../maps/map-link.ts';
import { mapMessages } from '../../maps/map-messages.ts';
import { href, type PageContext } from '../page-context.ts';
import { PreviewLinks } from '../../preview/views/preview-links.tsx';
import { Badge, Chinese } from './common.tsx';

/**
 * 資料資源: each resource's format, encoding, badge, size, check time and links. The
 * download link goes through the portal's counted download route (docs/counting.md),
 * which redirects to the file; the access link (a landing page) is the agency's own.
 * 其他格式 (多元格式參考資料): the platform's CSV (UTF-8), JSON and XML copies of a
 * structured resource, converted from the whole file the quality checker last fetched.
 */

/** A resource's platform-converted copies: when the file they are made from was fetched. */
export interface OtherFormatsCopy {
  fetchedAt: string;
}

function size(ctx: PageContext, bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['KB', 'MB', 'GB'];
  if (bytes < 1024) return ctx.m.units.bytes(bytes);
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(ctx.locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

function time(value: string | null): string {
  return value ? value.replace('T', ' ').slice(0, 16) : '—';
}

/** Metadata URLs become links only when they are web links. */
function isWebLink(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

/** The counted download link of a resource, in the reader's language. */
export function downloadPath(ctx: PageContext, datasetId: number, resourceId: string): string {
  return href(ctx, `/dataset/${datasetId}/resource/${encodeURIComponent(resourceId)}/download`);
}

/** The link to a platform-converted copy, in the reader's language. */
export function otherFormatPath(
  ctx: PageContext,
  datasetId: number,
  resourceId: string,
  format: OtherFormat,
): string {
  return `${downloadPath(ctx, datasetId, resourceId)}.${format}`;
}

function OtherFormats({
  ctx,
  datasetId,
  resourceId,
  copy,
}: {
  ctx: PageContext;
  datasetId: number;
  resourceId: string;
  copy: OtherFormatsCopy;
}) {
  const m = ctx.m.dataset.resource;
  return (
    <li>
      {m.otherFormats}
      <span class="muted">{m.platformConverted(time(copy.fetchedAt))}</span>
      <ul class="plain-list">
        {OTHER_FORMATS.map((format) => (
          <li key={format}>
            <a href={otherFormatPath(ctx, datasetId, resourceId, format)}>{m.otherFormat[format]}</a>
          </li>
        ))}
      </ul>
    </li>
  );
}

function ResourceRow({
  ctx,
  datasetId,
  r,
  copy,
}: {
  ctx: PageContext;
  datasetId: number;
  r: ResourceRecord;
  copy: OtherFormatsCopy | undefined;
}) {
  const m = ctx.m.dataset.resource;
  const name = r.resourceDescription || r.resourceID;
  return (
    <tr>
      <th scope="row">
        <Chinese ctx={ctx} text={name} />
        <br />
        <code>{r.resourceID}</code>
        {r.resourceField.length > 0 ? (
          <details>
            <summary>{m.fields}</summary>
            <ul>
              {r.resourceField.map((f) => (
                <li key={f.name}>
                  <code>{f.name}</code> <Chinese ctx={ctx} text={f.description} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </th>
      <td>{r.format.toUpperCase()}</td>
      <td>{r.characterSetCode}</td>
      <td>{r.qcLevel ? <Badge ctx={ctx} badge={r.qcLevel} /> : ctx.m.dataset.notChecked}</td>
      <td>{size(ctx, r.size)}</td>
      <td>{time(r.resourceQualityCheckTime)}</td>
      <td>
        <ul class="plain-list">
          {downloadTarget({ downloadURL: r.downloadURL, accessURL: null }) ? (
            <li>
              <a href={downloadPath(ctx, datasetId, r.resourceID)}>
                {m.download(r.format.toUpperCase(), name)}
              </a>
            </li>
          ) : null}
          {copy ? (
            <OtherFormats ctx={ctx} datasetId={datasetId} resourceId={r.resourceID} copy={copy} />
          ) : null}
          {copy ? (
            <PreviewLinks ctx={ctx} datasetId={datasetId} resourceId={r.resourceID} name={name} />
          ) : null}
          {isWebLink(r.accessURL) ? (
            <li>
              <a href={r.accessURL}>{m.access(name)}</a>
            </li>
          ) : null}
          {resourceHasMap(r) ? (
            <li>
              <a href={mapPagePath(ctx, datasetId, r.resourceID)}>
                {mapMessages(ctx.locale).mapLink}
                <span class="visually-hidden">{mapMessages(ctx.locale).mapLinkName(name)}</span>
              </a>
            </li>
          ) : null}
        </ul>
      </td>
    </tr>
  );
}

export function DatasetResources({
  ctx,
  datasetId,
  resources,
  otherFormats,
}: {
  ctx: PageContext;
  datasetId: number;
  resources: readonly ResourceRecord[];
  /** The resources (by resourceID) with platform-converted copies. */
  otherFormats: ReadonlyMap<string, OtherFormatsCopy>;
}) {
  const m = ctx.m.dataset;
  return (
    <section aria-labelledby="resources">
      <h2 id="resources">{m.resources}</h2>
      {resources.length === 0 ? (
        <p>{m.noResources}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{m.resourceTable}</caption>
            <thead>
              <tr>
                <th scope="col">{m.resource.description}</th>
                <th scope="col">{m.resource.format}</th>
                <th scope="col">{m.resource.encoding}</th>
                <th scope="col">{m.resource.badge}</th>
                <th scope="col">{m.resource.size}</th>
                <th scope="col">{m.resource.checked}</th>
                <th scope="col">{m.resource.links}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((r) => (
                <ResourceRow
                  key={r.resourceID}
                  ctx={ctx}
                  datasetId={datasetId}
                  r={r}
                  copy={otherFormats.get(r.resourceID)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
