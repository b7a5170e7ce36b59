import { findCategory } from '@odp/quality/metadata';
import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import { Layout } from './layout.tsx';

/** 資料集列表: a table of datasets with paging links. */

export interface DatasetListPageProps {
  records: DatasetRecord[];
  total: number;
  page: number;
  pageCount: number;
  q: string | undefined;
  /** The path and query of another page of this list (filters kept). */
  hrefFor: (page: number, json?: boolean) => string;
}

function formatsOf(d: DatasetRecord): string {
  return [...new Set(d.distribution.map((r) => r.format.toUpperCase()))].join('、');
}

function Pager({ page, pageCount, hrefFor }: Pick<DatasetListPageProps, 'page' | 'pageCount' | 'hrefFor'>) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pager" aria-label="分頁">
      <ul>
        {page > 1 ? (
          <>
            <li>
              <a href={hrefFor(1)}>第一頁</a>
            </li>
            <li>
              <a href={hrefFor(page - 1)} rel="prev">
                上一頁
              </a>
            </li>
          </>
        ) : null}
        <li>
          <a href={hrefFor(page)} aria-current="page">
            第 {page} 頁，共 {pageCount} 頁
          </a>
        </li>
        {page < pageCount ? (
          <>
            <li>
              <a href={hrefFor(page + 1)} rel="next">
                下一頁
              </a>
            </li>
            <li>
              <a href={hrefFor(pageCount)}>最後一頁</a>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

export function DatasetListPage({ records, total, page, pageCount, q, hrefFor }: DatasetListPageProps) {
  return (
    <Layout title="資料集" jsonHref={hrefFor(page, true)}>
      <h1>資料集</h1>
      <form role="search" method="get" action="/datasets">
        <label for="q">搜尋資料集名稱</label> <input id="q" name="q" type="search" value={q ?? ''} />{' '}
        <button type="submit">搜尋</button>
      </form>
      <p>
        共 {total} 筆資料集{pageCount > 0 ? `，第 ${page} / ${pageCount} 頁` : ''}
      </p>
      {records.length === 0 ? (
        <p>沒有符合條件的資料集。</p>
      ) : (
        <table>
          <caption>資料集列表</caption>
          <thead>
            <tr>
              <th scope="col">資料集名稱</th>
              <th scope="col">提供機關</th>
              <th scope="col">服務分類</th>
              <th scope="col">檔案格式</th>
            </tr>
          </thead>
          <tbody>
            {records.map((d) => (
              <tr key={d.datasetId}>
                <td>
                  <a href={`/datasets/${d.datasetId}`}>{d.title}</a>
                </td>
                <td>{d.publisher}</td>
                <td>{findCategory(d.categoryCode)?.nameZh ?? d.categoryCode}</td>
                <td>{formatsOf(d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
