/**
 * A chart's numbers as a table (the chart's text alternative): the first column heads
 * each row, the rest are numbers. Shared by the chart pages and the quality dashboards.
 */
export function ChartDataTable({
  summary,
  caption,
  headers,
  rows,
  open = true,
  tableId,
}: {
  summary: string;
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  open?: boolean;
  /** Marks the table with `data-chart-table` (the browser tests find a chart's numbers by it). */
  tableId?: string;
}) {
  const [first, ...rest] = headers;
  return (
    <details class="chart-data" open={open}>
      <summary>{summary}</summary>
      <div class="table-scroll">
        <table data-chart-table={tableId}>
          <caption>{caption}</caption>
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
            {rows.map(([head, ...cells], i) => (
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
