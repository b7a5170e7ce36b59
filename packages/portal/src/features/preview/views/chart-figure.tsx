import { ChartDataTable } from './chart-data-table.tsx';
import type { ChartResult } from '../chart-data.ts';
import type { PreviewMessages } from '../preview-messages.ts';

/**
 * The chart as the page shows it: the server-drawn SVG (inline, so it needs no script),
 * the summary sentence, notes on what was left out, and the numbers as a table.
 */
export function ChartFigure({ pm, result, svg }: { pm: PreviewMessages; result: ChartResult; svg: string }) {
  return (
    <figure class="chart" aria-describedby="chart-summary">
      <div class="chart-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>
        <p id="chart-summary">
          <strong>{pm.summary}</strong> {result.summary}
        </p>
        {result.notes.map((note, i) => (
          <p key={i} class="muted">
            {note}
          </p>
        ))}
      </figcaption>
    </figure>
  );
}

export function ChartTable({
  pm,
  result,
  open = true,
}: {
  pm: PreviewMessages;
  result: ChartResult;
  open?: boolean;
}) {
  return (
    <ChartDataTable
      summary={pm.dataTable}
      caption={pm.dataTableCaption(result.drawing.title)}
      headers={result.table.headers}
      rows={result.table.rows}
      open={open}
    />
  );
}
