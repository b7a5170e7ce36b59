import { historyMessages } from '../../manage/history-messages.ts';
import { href, type PageContext } from '../page-context.ts';

/**
 * 版本紀錄: the dataset's latest versions as the versions API lists them (number, time,
 * who and what), each linking to that version's JSON, and a link to the whole list.
 */

export interface DatasetVersionRow {
  version: number;
  actor: string;
  action: string;
  createdAt: string;
}

/** How many versions the page shows; the API lists them all. */
export const PAGE_VERSIONS = 10;

/** People are never shown by e-mail address here: the version pages show their display names. */
function Actor({ actor, person }: { actor: string; person: string }) {
  if (actor.startsWith('user:') || actor.startsWith('api-key:') || actor.includes('@')) return <>{person}</>;
  return <code>{actor}</code>;
}

function time(value: string): string {
  return value.replace('T', ' ').slice(0, 16);
}

export function DatasetVersions({
  ctx,
  datasetId,
  versions,
}: {
  ctx: PageContext;
  datasetId: number;
  versions: readonly DatasetVersionRow[];
}) {
  const m = ctx.m.dataset.versions;
  const api = `/api/v1/datasets/${datasetId}/versions`;
  const hm = historyMessages(ctx.locale);
  const pages = href(ctx, `/dataset/${datasetId}/versions`);
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{m.title}</h2>
      {versions.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{m.caption(versions.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.version}</th>
                <th scope="col">{m.time}</th>
                <th scope="col">{m.actor}</th>
                <th scope="col">{m.action}</th>
                <th scope="col">{hm.section.details}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">
                    <a href={`${api}/${v.version}`}>{m.versionLink(v.version)}</a>
                  </th>
                  <td>
                    <time dateTime={v.createdAt}>{time(v.createdAt)}</time>
                  </td>
                  <td>
                    <Actor actor={v.actor} person={hm.actors.person} />
                  </td>
                  <td>
                    <code>{v.action}</code>
                  </td>
                  <td>
                    <a href={`${pages}/${v.version}`}>{hm.section.diffLink(v.version)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={pages}>{hm.section.all}</a>
      </p>
      <p>
        <a href={api}>{m.all}</a>
      </p>
    </section>
  );
}
