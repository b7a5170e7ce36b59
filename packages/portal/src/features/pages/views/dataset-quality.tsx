import { CHECK_TITLES, STATUS_TITLES } from '@odp/quality';
import { badgeName } from '../../../i18n/vocabulary-labels.ts';
import type { ResourceRecord } from '../../datasets/dataset.record.ts';
import type { CheckRow } from '../../quality/quality.repo.ts';
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

export interface DatasetQualityProps {
  ctx: PageContext;
  distribution: readonly ResourceRecord[];
  checks: ReadonlyMap<number, CheckRow[]>;
  rowIds: ReadonlyMap<string, number>;
  whitelisted: boolean;
}

export function DatasetQuality({ ctx, distribution, checks, rowIds, whitelisted }: DatasetQualityProps) {
  return (
    <section aria-labelledby="quality">
      <h2 id="quality">{ctx.m.quality.heading}</h2>
      {whitelisted ? <p>{ctx.m.quality.whitelisted}</p> : null}
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
