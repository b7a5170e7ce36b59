import { BADGE_LABELS_ZH, CHECK_TITLES, STATUS_TITLES, type Badge } from '@odp/quality';
import type { ResourceRecord } from '../../datasets/dataset.record.ts';
import type { CheckRow } from '../../quality/quality.repo.ts';
import { presentCheck } from '../../quality/quality.present.ts';

/** 品質檢測結果: per resource, every check with its result, what it measured and how to fix it. */

function evidenceText(evidence: Record<string, unknown>): string {
  return JSON.stringify(evidence, null, 2);
}

function ResourceChecks({ resource, checks }: { resource: ResourceRecord; checks: CheckRow[] }) {
  const name = resource.resourceDescription || resource.resourceID;
  const badge = resource.qcLevel as Badge | null;
  const presented = checks.map(presentCheck);
  return (
    <section aria-labelledby={`q-${resource.resourceID}`}>
      <h3 id={`q-${resource.resourceID}`}>
        {name}：{badge ? `${BADGE_LABELS_ZH[badge]}標章` : '尚未檢測'}
      </h3>
      {resource.resourceQualityCheckTime ? (
        <p>檢測時間：{resource.resourceQualityCheckTime.replace('T', ' ').slice(0, 19)}</p>
      ) : null}
      {presented.length === 0 ? null : (
        <table>
          <caption>{`${name} 的檢測項目`}</caption>
          <thead>
            <tr>
              <th scope="col">檢測項目</th>
              <th scope="col">結果</th>
              <th scope="col">改善建議</th>
              <th scope="col">檢測證據</th>
            </tr>
          </thead>
          <tbody>
            {presented.map((c) => (
              <tr key={c.id}>
                <th scope="row">{CHECK_TITLES[c.id]?.zh ?? c.id}</th>
                <td>{STATUS_TITLES[c.status]?.zh ?? c.status}</td>
                <td>{c.fix?.zh ?? '—'}</td>
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
      )}
    </section>
  );
}

export function DatasetQuality({
  distribution,
  checks,
  rowIds,
  whitelisted,
}: {
  distribution: readonly ResourceRecord[];
  checks: ReadonlyMap<number, CheckRow[]>;
  rowIds: ReadonlyMap<string, number>;
  whitelisted: boolean;
}) {
  return (
    <section aria-labelledby="quality">
      <h2 id="quality">品質檢測結果</h2>
      {whitelisted ? <p>本資料集列於白名單，不適用標章規則。</p> : null}
      {distribution.map((r) => (
        <ResourceChecks
          key={r.resourceID}
          resource={r}
          checks={checks.get(rowIds.get(r.resourceID) ?? -1) ?? []}
        />
      ))}
    </section>
  );
}
