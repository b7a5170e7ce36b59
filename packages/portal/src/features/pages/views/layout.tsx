import { createHash } from 'node:crypto';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** The page frame: language, skip link, header, main landmark, footer. No scripts. */

const PAGE_STYLE = `
body{font-family:system-ui,"Noto Sans TC","Microsoft JhengHei",sans-serif;line-height:1.6;margin:0;color:#1a1a1a;background:#fff}
a{color:#0b57d0}a:focus,button:focus,input:focus{outline:3px solid #f9a825;outline-offset:2px}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}.skip-link:focus{left:0}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ccc}
header ul,nav.pager ul{list-style:none;display:flex;gap:1rem;padding:0;margin:.5rem 0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}
th[scope=row]{width:12rem;background:#f3f3f3}caption{text-align:left;font-weight:bold;padding:.5rem 0}
footer{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem}
`.trim();

/** CSP for pages: nothing runs, the one style block is allowed by its hash. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface LayoutProps {
  title: string;
  /** The page's machine-readable twin. */
  jsonHref?: string;
  children: ComponentChildren;
}

export function Layout({ title, jsonHref, children }: LayoutProps) {
  return (
    <html lang="zh-Hant-TW">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | odp 政府資料開放平臺`}</title>
        {jsonHref ? <link rel="alternate" type="application/json" href={jsonHref} /> : null}
        <style dangerouslySetInnerHTML={{ __html: PAGE_STYLE }} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到主要內容
        </a>
        <header>
          <p>
            <a href="/">odp 政府資料開放平臺</a>
          </p>
          <nav aria-label="主選單">
            <ul>
              <li>
                <a href="/datasets">資料集</a>
              </li>
              <li>
                <a href="/api/docs">API 文件</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer>
          <p>
            開放原始碼（MIT）。資料依各資料集授權方式提供。
            {jsonHref ? (
              <>
                {' '}
                本頁資料也有 <a href={jsonHref}>JSON 格式</a>。
              </>
            ) : null}
          </p>
        </footer>
      </body>
    </html>
  );
}

/** A whole HTML document. Preact escapes every text and attribute value. */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${render(page)}`;
}
