import { DATASET_STATUSES, LISTED_STATUSES, type DatasetStatus } from '../../../domain/dataset-status.ts';
import { statusName } from '../../../i18n/vocabulary-labels.ts';
import { href, withQuery } from '../../pages/page-context.ts';
import { Badge, Chinese, date, DatasetTitle, Pager } from '../../pages/views/common.tsx';
import { isOrganizationRole, roleAtLeast, type OrganizationRole } from '../../accounts/roles.ts';
import type { ManagedDataset, ManagedOrganization } from '../manage.repo.ts';
import { CsrfField, ManageLayout, type ManageContext } from './manage-layout.tsx';

/** 後台首頁: my organisations and roles, and the chosen organisation's datasets. */

export interface ManageHomeData {
  displayName: string;
  platformAdmin: boolean;
  organizations: (ManagedOrganization & { role: string | null })[];
  chosen: (ManagedOrganization & { canEdit: boolean; canManageMembers: boolean }) | undefined;
  status: string | undefined;
  offset: number;
  limit: number;
  datasets: { total: number; rows: ManagedDataset[] };
}

function organizationName(ctx: ManageContext, o: ManagedOrganization) {
  return ctx.locale === 'en' && o.nameEn ? <>{o.nameEn}</> : <Chinese ctx={ctx} text={o.nameZh} />;
}

function Organizations({ ctx, data }: { ctx: ManageContext; data: ManageHomeData }) {
  const mm = ctx.mm;
  if (data.platformAdmin) {
    return (
      <section aria-labelledby="organizations">
        <h2 id="organizations">{mm.allOrganizations}</h2>
        <form method="get" action={href(ctx, '/manage')} class="inline-form">
          <label for="organization">{mm.chooseOrganization}</label>{' '}
          <select id="organization" name="organization">
            {data.organizations.map((o) => (
              <option key={o.id} value={String(o.id)} selected={o.id === data.chosen?.id}>
                {ctx.locale === 'en' && o.nameEn ? o.nameEn : o.nameZh}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{mm.show}</button>
        </form>
      </section>
    );
  }
  return (
    <section aria-labelledby="organizations">
      <h2 id="organizations">{mm.myOrganizations}</h2>
      {data.organizations.length === 0 ? (
        <p>{mm.noOrganizations}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{mm.organization}</th>
                <th scope="col">{mm.role}</th>
              </tr>
            </thead>
            <tbody>
              {data.organizations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a
                      href={href(ctx, `/manage?organization=${o.id}`)}
                      aria-current={o.id === data.chosen?.id ? 'true' : undefined}
                    >
                      {organizationName(ctx, o)}
                    </a>
                  </td>
                  <td>{o.role ? (mm.roles[o.role] ?? o.role) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Links to the other back-office pages the person may use: 批次匯入 (an editor somewhere),
 * API keys (everyone) and the audit log (an organisation admin, a platform administrator).
 */
function Tools({ ctx, data }: { ctx: ManageContext; data: ManageHomeData }) {
  const mm = ctx.mm;
  const holds = (needed: OrganizationRole) =>
    data.platformAdmin ||
    data.organizations.some(
      (o) => o.role !== null && isOrganizationRole(o.role) && roleAtLeast(o.role, needed),
    );
  return (
    <nav aria-labelledby="manage-tools">
      <h2 id="manage-tools">{mm.tools}</h2>
      <ul class="manage-links">
        {holds('editor') ? (
          <li>
            <a href={href(ctx, '/manage/import')}>{mm.importLink}</a>
          </li>
        ) : null}
        <li>
          <a href={href(ctx, '/manage/api-keys')}>{mm.apiKeysLink}</a>
        </li>
        {holds('admin') ? (
          <li>
            <a href={href(ctx, '/manage/audit')}>{mm.auditLink}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function StatusFilter({ ctx, data }: { ctx: ManageContext; data: ManageHomeData }) {
  const mm = ctx.mm;
  return (
    <form method="get" action={href(ctx, '/manage')} class="inline-form">
      <input type="hidden" name="organization" value={String(data.chosen?.id ?? '')} />
      <label for="status">{mm.status}</label>{' '}
      <select id="status" name="status">
        <option value="">{mm.allStatuses}</option>
        {DATASET_STATUSES.map((s) => (
          <option key={s} value={s} selected={s === data.status}>
            {statusName(s, ctx.locale)}
          </option>
        ))}
      </select>{' '}
      <button type="submit">{mm.filter}</button>
    </form>
  );
}

function Datasets({ ctx, data }: { ctx: ManageContext; data: ManageHomeData }) {
  const mm = ctx.mm;
  const chosen = data.chosen;
  if (!chosen) return null;
  const name = ctx.locale === 'en' && chosen.nameEn ? chosen.nameEn : chosen.nameZh;
  return (
    <section aria-labelledby="datasets">
      <h2 id="datasets">{mm.datasetsOf(name)}</h2>
      <ul class="manage-links">
        {chosen.canEdit ? (
          <li>
            <a class="button" href={href(ctx, `/manage/datasets/new?organization=${chosen.id}`)}>
              {mm.newDataset}
            </a>
          </li>
        ) : null}
        {chosen.canManageMembers ? (
          <li>
            <a href={href(ctx, `/manage/organizations/${chosen.id}/members`)}>{mm.members}</a>
          </li>
        ) : null}
      </ul>
      <StatusFilter ctx={ctx} data={data} />
      <p>{mm.datasetCount(data.datasets.total)}</p>
      {data.datasets.rows.length === 0 ? (
        <p>{mm.noDatasets}</p>
      ) : (
        <div class="table-scroll">
          <table class="manage-datasets">
            <thead>
              <tr>
                <th scope="col">{ctx.m.dataset.fields.title}</th>
                <th scope="col">{mm.status}</th>
                <th scope="col">{mm.quality}</th>
                <th scope="col">{mm.resources}</th>
                <th scope="col">{mm.lastModified}</th>
                <th scope="col">{mm.problems}</th>
                <th scope="col">{mm.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.datasets.rows.map((d) => (
                <tr key={d.datasetId}>
                  <td>
                    <DatasetTitle ctx={ctx} title={d.title} titleEn={d.titleEn} />
                    <br />
                    <span class="muted" lang="en">
                      {d.identifier}
                    </span>
                  </td>
                  <td>{statusName(d.status, ctx.locale)}</td>
                  <td>{d.qualityBadge ? <Badge ctx={ctx} badge={d.qualityBadge} /> : mm.noBadge}</td>
                  <td>{d.resourceCount}</td>
                  <td>{date(d.updatedAt)}</td>
                  <td>{mm.problemsCount(d.failedChecks)}</td>
                  <td>
                    <ul class="row-actions">
                      {LISTED_STATUSES.includes(d.status as DatasetStatus) ? (
                        <li>
                          <a href={href(ctx, `/dataset/${d.datasetId}`)}>
                            {mm.publicPage}
                            <span class="visually-hidden">
                              {ctx.m.colon}
                              {d.title}
                            </span>
                          </a>
                        </li>
                      ) : null}
                      {chosen.canEdit ? (
                        <li>
                          <a href={href(ctx, `/manage/datasets/${d.datasetId}/edit`)}>
                            {mm.edit}
                            <span class="visually-hidden">
                              {ctx.m.colon}
                              {d.title}
                            </span>
                          </a>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        ctx={ctx}
        total={data.datasets.total}
        limit={data.limit}
        offset={data.offset}
        maxOffset={1_000_000}
        pathFor={(offset) =>
          withQuery('/manage', { organization: chosen.id, status: data.status, offset: offset || undefined })
        }
      />
    </section>
  );
}

export function ManageHomePage({ ctx, data }: { ctx: ManageContext; data: ManageHomeData }) {
  const mm = ctx.mm;
  return (
    <ManageLayout ctx={ctx} title={mm.title} crumbs={[]}>
      <h1>{mm.title}</h1>
      <div class="signed-in">
        <p>{mm.signedInAs(data.displayName)}</p>
        <form method="post" action={href(ctx, '/logout')} class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {mm.logout}
          </button>
        </form>
      </div>
      <Organizations ctx={ctx} data={data} />
      <Datasets ctx={ctx} data={data} />
      <Tools ctx={ctx} data={data} />
    </ManageLayout>
  );
}
