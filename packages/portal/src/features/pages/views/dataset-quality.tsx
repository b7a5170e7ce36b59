import { CHECK_TITLES, STATUS_TITLES } from '@odp/quality';
import { badgeName } from '../../../i18n/vocabulary-labels.ts';
import type { ResourceRecord } from '../../datasets/dataset.record.ts';
import type { CheckRow } from '../../quality/quality.repo.ts';
import { DIMENSIONS, MAX_SCORE, type MetadataScore } from '../../quality/metadata-score.ts';
import { presentCheck } from '../../quality/quality.present.ts';
import type { PageContext } from '../page-context.ts';
import { Chinese } from './common.tsx';

/** 品質檢測結果: per resource, every check with its result, what it measured and how to fix it. */

function evidenceText(evidence: Record<string, unknown>): string {
  return JSON.stringify(evidence, null, 2);
}

function ResourceChecks({
  ctx,
  resource,
  checks,
}: {
  ctx: PageContext;
  resource: ResourceRecord;
  checks: CheckRow[];
}) {
  const m = ctx.m.quality;
  const lang = ctx.locale === 'en' ? 'en' : 'zh';
  const name = resource.resourceDescription || resource.resourceID;
  const presented = checks.map(presentCheck);
  return (
    <section aria-labelledby={`q-${resource.resourceID}`}>
      <h3 id={`q-${resource.resourceID}`}>
        <Chinese ctx={ctx} text={name} />
        {ctx.m.colon}
        {resource.qcLevel ? m.badge(badgeName(resource.qcLevel, ctx.locale)) : m.notChecked}
      </h3>
      {resource.resourceQualityCheckTime ? (
        <p>
          {m.checkedAt}
          {ctx.m.colon}
          {resource.resourceQualityCheckTime.replace('T', ' ').slice(0, 19)}
        </p>
      ) : null}
      {presented.length === 0 ? null : (
        <div class="table-scroll">
          <table>
            <caption>{m.checksOf(name)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.check}</th>
                <th scope="col">{m.result}</th>
                <th scope="col">{m.fix}</th>
                <th scope="col">{m.evidence}</th>
              </tr>
            </thead>
            <tbody>
              {presented.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{CHECK_TITLES[c.id]?.[lang] ?? c.id}</th>
                  <td>{STATUS_TITLES[c.status]?.[lang] ?? c.status}</td>
                  <td>{c.fix?.[lang] ?? '—'}</td>
                  <td>
                    <details>
                      <summary>{`${c.id} v${c.version}`}</summary>
                      <pre>{evidenceText(c.evidence)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const SCORE_LABELS = {
  heading: { zh: '詮釋資料品質分數', en: 'Metadata quality score' },
  total: { zh: '總分', en: 'Total' },
  band: { zh: '等級', en: 'Rating' },
  dimension: { zh: '面向', en: 'Dimension' },
  points: { zh: '得分', en: 'Points' },
  excellent: { zh: '優良', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  sufficient: { zh: '尚可', en: 'Sufficient' },
  bad: { zh: '不佳', en: 'Bad' },
  findability: { zh: '可發現性', en: 'Findability' },
  accessibility: { zh: '可存取性', en: 'Accessibility' },
  interoperability: { zh: '互通性', en: 'Interoperability' },
  reusability: { zh: '可再利用性', en: 'Reusability' },
  contextuality: { zh: '脈絡資訊', en: 'Contextuality' },
} as const;

/** The metadata quality score (MQA, 405 points): total, band and each dimension. */
function MetadataScoreSummary({ ctx, score }: { ctx: PageContext; score: MetadataScore }) {
  const lang = ctx.locale === 'en' ? 'en' : 'zh';
  const l = (key: keyof typeof SCORE_LABELS) => SCORE_LABELS[key][lang];
  return (
    <section aria-labelledby="metadata-score">
      <h3 id="metadata-score">{l('heading')}</h3>
      <p>
        {l('total')}
        {ctx.m.colon}
        <strong data-score-total={score.total}>{`${score.total} / ${MAX_SCORE}`}</strong>
        {'　'}
        {l('band')}
        {ctx.m.colon}
        <strong data-score-band={score.band}>{l(score.band)}</strong>
      </p>
      <div class="table-scroll">
        <table>
          <caption>{l('heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{l('dimension')}</th>
              <th scope="col">{l('points')}</th>
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((d) => (
              <tr key={d}>
                <th scope="row">{l(d)}</th>
                <td>{`${score.dimensions[d].points} / ${score.dimensions[d].max}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface DatasetQualityProps {
  ctx: PageContext;
  distribution: readonly ResourceRecord[];
  checks: ReadonlyMap<number, CheckRow[]>;
  rowIds: ReadonlyMap<string, number>;
  whitelisted: boolean;
  /** The metadata quality score, when computed. */
  score?: MetadataScore | undefined;
}

export function DatasetQuality({
  ctx,
  distribution,
  checks,
  rowIds,
  whitelisted,
  score,
}: DatasetQualityProps) {
  return (
    <section aria-labelledby="quality">
      <h2 id="quality">{ctx.m.quality.heading}</h2>
      {whitelisted ? <p>{ctx.m.quality.whitelisted}</p> : null}
      {score ? <MetadataScoreSummary ctx={ctx} score={score} /> : null}
      {distribution.map((r) => (
        <ResourceChecks
          key={r.resourceID}
          ctx={ctx}
          resource={r}
          checks={checks.get(rowIds.get(r.resourceID) ?? -1) ?? []}
        />
      ))}
    </section>
  );
}
