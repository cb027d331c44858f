// Entry of the task pane: waits for Office, then renders the pane with the Excel-backed host.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Body1, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createExcelHost } from '../excel/host';
import { App } from './components/App';
import { STRINGS, stringsFor } from './strings';
import type { PaneHost } from './host';
import { rememberedLanguage, rememberLanguage } from './language';

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

/** The pane in the language chosen in it (remembered), else Office's. */
function Pane({ host, initial }: { host: PaneHost; initial: 'vi' | 'en' }) {
  const [lang, setLang] = useState(initial);
  const strings = STRINGS[lang];
  document.documentElement.lang = strings.lang;
  document.title = strings.appTitle;
  const choose = (next: 'vi' | 'en') => {
    rememberLanguage(next);
    setLang(next);
  };
  return <App host={host} strings={strings} sampleRules={sampleRules} onLanguage={choose} />;
}

function mount(inExcel: boolean): void {
  const el = document.getElementById('root');
  if (!el) return;
  const host = inExcel ? createExcelHost() : null;
  const strings = stringsFor(host?.displayLanguage ?? (typeof Office !== 'undefined' ? Office?.context?.displayLanguage : undefined));
  const initial = rememberedLanguage() ?? strings.lang;
  document.documentElement.lang = initial;
  document.title = STRINGS[initial].appTitle;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      {host ? <Pane host={host} initial={initial} /> : <Body1 as="p">{STRINGS[initial].notInExcel}</Body1>}
    </FluentProvider>,
  );
  window.chitieuGuard?.mounted();
}

if (typeof Office !== 'undefined') void Office.onReady((info) => mount(String(info.host) === 'Excel'));
else mount(false);
