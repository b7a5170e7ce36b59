import type { ResourceRecord } from '../../datasets/dataset.record.ts';
import { downloadTarget } from '../../stats/download.routes.ts';
import { href, type PageContext } from '../page-context.ts';
import { Badge, Chinese } from './common.tsx';

/**
 * 資料資源: each resource's format, encoding, badge, size, check time and links. The
 * download link goes through the portal's counted download route (docs/counting.md),
 * which redirects to the file; the access link (a landing page) is the agency's own.
 */

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

function ResourceRow({ ctx, datasetId, r }: { ctx: PageContext; datasetId: number; r: ResourceRecord }) {
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
          {isWebLink(r.accessURL) ? (
            <li>
              <a href={r.accessURL}>{m.access(name)}</a>
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
}: {
  ctx: PageContext;
  datasetId: number;
  resources: readonly ResourceRecord[];
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
                <ResourceRow key={r.resourceID} ctx={ctx} datasetId={datasetId} r={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
