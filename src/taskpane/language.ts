// The language chosen in the pane, remembered between sessions (the pane's localStorage, which
// Office keeps per add-in). Storage can be refused (private modes, policies): then Office's
// display language decides, as before.
const KEY = 'chitieu.language';

export function rememberedLanguage(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): 'vi' | 'en' | null {
  try {
    const v = storage?.getItem(KEY);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: 'vi' | 'en', storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(KEY, lang);
  } catch {
    // Not remembered: the pane still switches for this session.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
