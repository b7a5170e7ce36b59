import { badgeName } from '../../../i18n/vocabulary-labels.ts';
import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import { href } from '../../pages/page-context.ts';
import { Badge } from '../../pages/views/common.tsx';
import type { Fix } from '../../quality/fix-rules.ts';
import { datasetQualityMessages } from '../dataset-quality-messages.ts';
import { CsrfField, ManageLayout, Notice, type ManageContext } from './manage-layout.tsx';

/** /manage/datasets/{id}/quality: the dataset's fix list with gains, and 一鍵修正 for editors. */

export function DatasetQualityPage({
  ctx,
  dataset,
  fixes,
  canFix,
  notice,
}: {
  ctx: ManageContext;
  dataset: DatasetRecord;
  fixes: readonly Fix[];
  canFix: boolean;
  notice: string | undefined;
}) {
  const q = datasetQualityMessages(ctx.locale);
  const english = ctx.locale === 'en';
  const name = english && dataset.titleEn ? dataset.titleEn : dataset.title;
  const title = q.title(name);
  const badge = (b: string) => badgeName(b, ctx.locale);
  return (
    <ManageLayout
      ctx={ctx}
      title={title}
      crumbs={[{ label: name, path: `/manage/datasets/${dataset.datasetId}/edit` }, { label: title }]}
    >
      <h1>{title}</h1>
      <Notice text={notice} />
      <p>
        <Badge ctx={ctx} badge={dataset.qualityBadge} />{' '}
        <a href={href(ctx, `/manage/datasets/${dataset.datasetId}/versions`)}>{q.versions}</a>
      </p>
      <p>{q.intro}</p>
      {!canFix && fixes.some((f) => f.oneClick) ? <p>{q.notAllowed}</p> : null}
      {fixes.length === 0 ? (
        <p>{q.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="fix-list">
            <caption>{q.caption(fixes.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{q.fix}</th>
                <th scope="col">{q.resource}</th>
                <th scope="col">{q.gain}</th>
                <th scope="col">{q.action}</th>
              </tr>
            </thead>
            <tbody>
              {fixes.map((f) => (
                <tr key={f.id} id={`fix-${f.id}`}>
                  <th scope="row">{english ? f.title.en : f.title.zh}</th>
                  <td>{f.resourceId ?? q.dataset}</td>
                  <td>
                    {q.steps(badge(f.gain.badgeFrom), badge(f.gain.badgeTo), f.gain.steps)}
                    {f.gain.points ? (
                      <>
                        <br />
                        {q.points(f.gain.points)}
                      </>
                    ) : null}
                  </td>
                  <td>
                    <p>{english ? f.how.en : f.how.zh}</p>
                    {f.oneClick && canFix ? (
                      <form
                        method="post"
                        action={href(
                          ctx,
                          `/manage/datasets/${dataset.datasetId}/fixes/${encodeURIComponent(f.id)}`,
                        )}
                      >
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="button">
                          {q.button}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ManageLayout>
  );
}
