import { Chinese } from '../../pages/views/common.tsx';
import type { ColumnProfile } from '../../tables/table-profile.ts';
import type { PageContext } from '../../pages/page-context.ts';
import { CHART_COLOURS } from '../chart-svg.ts';
import type { PreviewMessages } from '../preview-messages.ts';
import { cellText, formatNumber } from './cell-text.ts';

/**
 * 欄位概況: each column's type, empty and distinct counts, minimum and maximum, most
 * common values and, for numbers and dates, a small histogram drawn as inline SVG on the
 * server with the same numbers as a table beside it.
 */

export type ColumnProfileView = ColumnProfile;

const HISTOGRAM_WIDTH = 240;
const HISTOGRAM_HEIGHT = 64;

function Histogram({
  ctx,
  pm,
  column,
}: {
  ctx: PageContext;
  pm: PreviewMessages;
  column: ColumnProfileView;
}) {
  const bins = column.histogram ?? [];
  const highest = Math.max(1, ...bins.map((b) => b.count));
  const width = HISTOGRAM_WIDTH / bins.length;
  return (
    <div class="histogram">
      <svg
        role="img"
        aria-label={pm.histogramLabel(column.name)}
        width={HISTOGRAM_WIDTH}
        height={HISTOGRAM_HEIGHT}
        viewBox={`0 0 ${HISTOGRAM_WIDTH} ${HISTOGRAM_HEIGHT}`}
      >
        {bins.map((bin, i) => {
          const height = Math.round((bin.count / highest) * (HISTOGRAM_HEIGHT - 2) * 10) / 10;
          return (
            <rect
              key={i}
              x={Math.round(i * width * 10) / 10}
              y={Math.round((HISTOGRAM_HEIGHT - height) * 10) / 10}
              width={Math.max(1, Math.round((width - 1) * 10) / 10)}
              height={height}
              fill={CHART_COLOURS[0]}
            />
          );
        })}
      </svg>
      <table class="histogram-table">
        <caption>{pm.histogramTable(column.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{pm.range}</th>
            <th scope="col">{pm.count}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin, i) => (
            <tr key={i}>
              <th scope="row">
                {cellText(bin.from)} – {cellText(bin.to)}
              </th>
              <td class="number">{formatNumber(bin.count, ctx.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ColumnProfileSection({
  ctx,
  pm,
  column,
}: {
  ctx: PageContext;
  pm: PreviewMessages;
  column: ColumnProfileView;
}) {
  const item = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <section class="column-profile" aria-label={column.name}>
      <h3>
        <Chinese ctx={ctx} text={column.name} />
      </h3>
      <dl>
        {item(pm.profileType, column.type)}
        {item(pm.profileNulls, formatNumber(column.nulls, ctx.locale))}
        {item(pm.profileDistinct, formatNumber(column.distinct, ctx.locale))}
        {item(pm.profileMin, cellText(column.min))}
        {item(pm.profileMax, cellText(column.max))}
      </dl>
      {column.top.length > 0 ? (
        <>
          <h4>{pm.profileTop}</h4>
          <ol class="top-values">
            {column.top.map((t, i) => (
              <li key={i}>
                <Chinese ctx={ctx} text={t.value === null || t.value === '' ? pm.empty : cellText(t.value)} />
                {ctx.m.colon}
                {formatNumber(t.count, ctx.locale)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {column.histogram && column.histogram.length > 0 ? (
        <>
          <h4>{pm.profileHistogram}</h4>
          <Histogram ctx={ctx} pm={pm} column={column} />
        </>
      ) : null}
    </section>
  );
}

export function ColumnProfiles({
  ctx,
  pm,
  profile,
}: {
  ctx: PageContext;
  pm: PreviewMessages;
  profile: { rows: number; columns: readonly ColumnProfileView[] };
}) {
  return (
    <section aria-labelledby="profiles" class="column-profiles">
      <h2 id="profiles">{pm.profiles}</h2>
      <p>{pm.profilesIntro(profile.rows)}</p>
      <div class="profile-grid">
        {profile.columns.map((column) => (
          <ColumnProfileSection key={column.name} ctx={ctx} pm={pm} column={column} />
        ))}
      </div>
    </section>
  );
}
