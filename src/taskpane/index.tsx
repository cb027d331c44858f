// Placeholder task pane: proves the build and the Office.onReady wiring. The real pane
// (another engineer's) replaces the component; the Excel adapter lives in src/excel.
import { createRoot } from 'react-dom/client';
import { MIN_EXCEL_API } from '../excel/requirements';

declare const Office: { onReady(cb?: (info: { host: unknown }) => void): Promise<{ host: unknown }> } | undefined;

function App({ host }: { host: string }) {
  return (
    <main style={{ fontFamily: 'Segoe UI, sans-serif', padding: 12 }}>
      <h1 style={{ fontSize: 18, color: '#1E7145' }}>Kiểm tra chỉ tiêu</h1>
      <p>
        Ngăn kiểm tra đang được xây dựng. Máy chủ: {host}. Cần ExcelApi {MIN_EXCEL_API} trở lên.
      </p>
    </main>
  );
}

function mount(host: string): void {
  const el = document.getElementById('root');
  if (el) createRoot(el).render(<App host={host} />);
}

if (typeof Office !== 'undefined') void Office.onReady((info) => mount(String(info.host ?? 'không rõ')));
else mount('không có Office.js');
