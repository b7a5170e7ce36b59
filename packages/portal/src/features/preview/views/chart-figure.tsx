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
  const [first, ...rest] = result.table.headers;
  return (
    <details class="chart-data" open={open}>
      <summary>{pm.dataTable}</summary>
      <div class="table-scroll">
        <table>
          <caption>{pm.dataTableCaption(result.drawing.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              {rest.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.table.rows.map(([head, ...cells], i) => (
              <tr key={i}>
                <th scope="row">{head}</th>
                {cells.map((cell, j) => (
                  <td key={j} class="number">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
