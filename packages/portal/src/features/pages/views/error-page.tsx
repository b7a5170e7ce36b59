import { Layout } from './layout.tsx';

export interface ErrorPageProps {
  status: number;
  code: string;
  message: string;
  requestId: string;
}

export function ErrorPage({ status, code, message, requestId }: ErrorPageProps) {
  const title = status === 404 ? '找不到頁面' : status < 500 ? '無法處理這個請求' : '系統發生錯誤';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        錯誤代碼 <code>{code}</code>（HTTP {status}），請求編號 <code>{requestId}</code>。
      </p>
      <p>
        <a href="/datasets">回到資料集列表</a>
      </p>
    </Layout>
  );
}
