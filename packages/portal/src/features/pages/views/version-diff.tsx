import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../i18n/locale.ts';
import {
  accessLevelName,
  badgeName,
  categoryName,
  datasetTypeName,
  licenceName,
  publicationMethodName,
  statusName,
  themeName,
} from '../../../i18n/vocabulary-labels.ts';
import type { DatasetRecord, ResourceRecord } from '../../datasets/dataset.record.ts';
import { diffText } from '../../datasets/text-diff.ts';
import { versionFilePath, type FieldDiff, type VersionDiff } from '../../datasets/version-history.ts';
import {
  DATASET_FIELD_LABELS,
  RESOURCE_FIELD_LABELS,
  fieldLabel,
  historyMessages,
  type HistoryMessages,
} from '../../manage/history-messages.ts';
import { href, type PageContext } from '../page-context.ts';

/**
 * One version against the one before it (版本差異), field by field with the standard's
 * Chinese labels: short values as before/after, long texts as a word diff marked with
 * <del> and <ins>; resources added, removed and changed; and the whole metadata as it
 * was. Everything is text: Preact escapes it, so a hostile title stays inert.
 */

type Labels = typeof DATASET_FIELD_LABELS;

const VOCABULARY: Record<string, (code: string, locale: Locale) => string> = {
  categoryCode: categoryName,
  license: licenceName,
  type: datasetTypeName,
  status: statusName,
  accessLevel: accessLevelName,
  publicationMethod: publicationMethodName,
  qualityBadge: badgeName,
};

/** A value as readable text ('' when empty). */
export function valueText(field: string, value: unknown, locale: Locale, hm: HistoryMessages): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? hm.yes : hm.no;
  if (typeof value === 'string') {
    const name = VOCABULARY[field];
    if (!name) return value;
    const label = name(value, locale);
    return label === value ? value : `${label}（${value}）`;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const items = field === 'themes' ? value.map((t) => themeName(t, locale)) : value;
    return items.join('、');
  }
  return JSON.stringify(value, null, 2);
}

/** Fields of free text (描述, 說明, 備註 …): a word diff even when short. */
const TEXT_FIELDS = new Set([
  'description',
  'descriptionEn',
  'fieldDescription',
  'notes',
  'costLaw',
  'spatial',
  'resourceDescription',
  'resourceNotes',
]);

/** Free text, long or multi-line values are shown as a word diff rather than before and after. */
function isLongText(field: string, from: string, to: string): boolean {
  if (from === '' || to === '') return false;
  return (
    TEXT_FIELDS.has(field) || from.length > 60 || to.length > 60 || from.includes('\n') || to.includes('\n')
  );
}

function Value({ text, hm }: { text: string; hm: HistoryMessages }) {
  if (text === '') return <span class="muted">{hm.empty}</span>;
  return <span class="value-text">{text}</span>;
}

export function TextDiff({ from, to, hm }: { from: string; to: string; hm: HistoryMessages }) {
  return (
    <p class="text-diff">
      {diffText(from, to).map((s, i) =>
        s.op === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.op === 'del' ? (
          <del key={i} title={hm.removedText}>
            {s.text}
          </del>
        ) : (
          <ins key={i} title={hm.addedText}>
            {s.text}
          </ins>
        ),
      )}
    </p>
  );
}

function FieldDiffRows({
  ctx,
  rows,
  labels,
}: {
  ctx: PageContext;
  rows: readonly FieldDiff[];
  labels: Labels;
}) {
  const hm = historyMessages(ctx.locale);
  return (
    <>
      {rows.map((row) => {
        const from = valueText(row.field, row.from, ctx.locale, hm);
        const to = valueText(row.field, row.to, ctx.locale, hm);
        return (
          <tr key={row.field} data-field={row.field}>
            <th scope="row">{fieldLabel(labels, row.field, ctx.locale)}</th>
            {isLongText(row.field, from, to) ? (
              <td colSpan={2}>
                <TextDiff from={from} to={to} hm={hm} />
              </td>
            ) : (
              <>
                <td>
                  <Value text={from} hm={hm} />
                </td>
                <td>
                  <Value text={to} hm={hm} />
                </td>
              </>
            )}
          </tr>
        );
      })}
    </>
  );
}

function FieldDiffTable({
  ctx,
  caption,
  rows,
  labels,
}: {
  ctx: PageContext;
  caption: string;
  rows: readonly FieldDiff[];
  labels: Labels;
}) {
  const hm = historyMessages(ctx.locale);
  return (
    <div class="table-scroll">
      <table class="version-diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{hm.field}</th>
            <th scope="col">{hm.from}</th>
            <th scope="col">{hm.to}</th>
          </tr>
        </thead>
        <tbody>
          <FieldDiffRows ctx={ctx} rows={rows} labels={labels} />
        </tbody>
      </table>
    </div>
  );
}

function WebLink({ url }: { url: string | null }) {
  if (!url) return null;
  // Only web links are links: a javascript: or data: URL in old metadata stays text.
  if (!/^https?:\/\//i.test(url)) return <span class="value-text">{url}</span>;
  return <a href={url}>{url}</a>;
}

function ResourceTable({
  ctx,
  caption,
  resources,
  datasetId,
  version,
}: {
  ctx: PageContext;
  caption: string;
  resources: readonly ResourceRecord[];
  datasetId: number;
  /** The version whose files the links serve. */
  version: number;
}) {
  const hm = historyMessages(ctx.locale);
  const label = (field: string) => fieldLabel(RESOURCE_FIELD_LABELS, field, ctx.locale);
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label('resourceID')}</th>
            <th scope="col">{label('resourceDescription')}</th>
            <th scope="col">{label('format')}</th>
            <th scope="col">{label('characterSetCode')}</th>
            <th scope="col">{label('downloadURL')}</th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r.resourceID}>
              <th scope="row">
                <code>{r.resourceID}</code>
              </th>
              <td>{r.resourceDescription}</td>
              <td>{r.format}</td>
              <td>{r.characterSetCode}</td>
              <td>
                {r.fileKey ? (
                  <a href={href(ctx, versionFilePath(datasetId, version, r.resourceID))}>
                    {hm.oldFile(r.format)}
                  </a>
                ) : (
                  <WebLink url={r.downloadURL ?? r.accessURL} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VersionDiffSection({
  ctx,
  datasetId,
  version,
  diff,
}: {
  ctx: PageContext;
  datasetId: number;
  version: number;
  diff: VersionDiff;
}) {
  const hm = historyMessages(ctx.locale);
  const empty = diff.fields.length + diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">{diff.first ? hm.summary : hm.diffHeading(version - 1)}</h2>
      {diff.first ? <p>{hm.firstVersion}</p> : empty ? <p>{hm.noChange}</p> : null}
      {diff.fields.length > 0 ? (
        <FieldDiffTable
          ctx={ctx}
          caption={hm.diffHeading(version - 1)}
          rows={diff.fields}
          labels={DATASET_FIELD_LABELS}
        />
      ) : null}
      {diff.added.length > 0 ? (
        <ResourceTable
          ctx={ctx}
          caption={hm.addedResources}
          resources={diff.added}
          datasetId={datasetId}
          version={version}
        />
      ) : null}
      {diff.removed.length > 0 ? (
        <ResourceTable
          ctx={ctx}
          caption={hm.removedResources}
          resources={diff.removed}
          datasetId={datasetId}
          version={version - 1}
        />
      ) : null}
      {diff.changed.map((r) => (
        <FieldDiffTable
          key={r.resourceID}
          ctx={ctx}
          caption={hm.changedResource(
            r.resourceDescription ? `${r.resourceDescription}（${r.resourceID}）` : r.resourceID,
          )}
          rows={r.fields}
          labels={RESOURCE_FIELD_LABELS}
        />
      ))}
    </section>
  );
}

/** The whole metadata of a version, every field of the standard with its label. */
export function VersionSnapshot({
  ctx,
  version,
  snapshot,
}: {
  ctx: PageContext;
  version: number;
  snapshot: DatasetRecord;
}) {
  const hm = historyMessages(ctx.locale);
  const record = snapshot as unknown as Record<string, unknown>;
  const rows: [string, ComponentChildren][] = Object.keys(DATASET_FIELD_LABELS).map((field) => {
    const text = valueText(field, record[field], ctx.locale, hm);
    return [field, /^https?:\/\//i.test(text) ? <WebLink url={text} /> : <Value text={text} hm={hm} />];
  });
  return (
    <section aria-labelledby="snapshot">
      <h2 id="snapshot">{hm.snapshotHeading(version)}</h2>
      <table class="metadata">
        <caption class="visually-hidden">{hm.snapshotHeading(version)}</caption>
        <tbody>
          {rows.map(([field, value]) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(DATASET_FIELD_LABELS, field, ctx.locale)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {snapshot.distribution.length === 0 ? (
        <p>{hm.noResources}</p>
      ) : (
        <ResourceTable
          ctx={ctx}
          caption={hm.snapshotResources(version)}
          resources={snapshot.distribution}
          datasetId={snapshot.datasetId}
          version={version}
        />
      )}
    </section>
  );
}

export function actorText(actor: { kind: string; name: string | null }, hm: HistoryMessages): string {
  switch (actor.kind) {
    case 'platform':
      return hm.actors.platform;
    case 'import':
      return actor.name ? hm.actors.import(actor.name) : hm.actors.importUnnamed;
    case 'system':
      return actor.name ?? hm.actors.system;
    default:
      return actor.name ?? hm.actors.person;
  }
}

export function actionText(action: string, hm: HistoryMessages): string {
  return hm.actions[action] ?? action;
}
