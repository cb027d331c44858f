// Entry of the task pane: waits for Office, then renders the pane with the Excel-backed host.
import { createRoot } from 'react-dom/client';
import { Body1, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createExcelHost } from '../excel/host';
import { App } from './components/App';
import { stringsFor } from './strings';

/** Set by guard.js, the page's first script: it shows what to do when the pane does not start. */
declare global {
  interface Window {
    chitieuGuard?: { ran(): void; mounted(): void };
  }
}
window.chitieuGuard?.ran();

declare const Office:
  | { onReady(cb?: (info: { host: unknown }) => void): Promise<{ host: unknown }>; context?: { displayLanguage?: string } }
  | undefined;

/** The sample rules and the file readers: a chunk of their own, loaded when first asked for. */
const sampleRules = () => import(/* webpackChunkName: "sample-rules" */ './sampleRules').then((m) => m.sampleRulesModel());

function mount(inExcel: boolean): void {
  const el = document.getElementById('root');
  if (!el) return;
  const host = inExcel ? createExcelHost() : null;
  const strings = stringsFor(host?.displayLanguage ?? (typeof Office !== 'undefined' ? Office?.context?.displayLanguage : undefined));
  document.documentElement.lang = strings.lang;
  document.title = strings.appTitle;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      {host ? <App host={host} strings={strings} sampleRules={sampleRules} /> : <Body1 as="p">{strings.notInExcel}</Body1>}
    </FluentProvider>,
  );
  window.chitieuGuard?.mounted();
}

if (typeof Office !== 'undefined') void Office.onReady((info) => mount(String(info.host) === 'Excel'));
else mount(false);
