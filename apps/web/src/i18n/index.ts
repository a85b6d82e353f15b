// react-i18next with Bahasa Indonesia first and English switchable. Every JSON file under i18n/<lang>/ is
// a namespace named after the file (i18n/id/officer.json -> "officer"): an area adds its own files and
// uses useTranslation('officer'); nothing here changes. `common` holds the shell, login and shared words.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../format/date';

export const LANGUAGES: readonly Language[] = ['id', 'en'];
const STORAGE_KEY = 'lumbung.lang';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });
const resources: Resources = {};
for (const [file, mod] of Object.entries(files)) {
  const m = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(file);
  if (!m) continue;
  (resources[m[1]] ??= {})[m[2]] = mod.default;
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'id' ? stored : 'id';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'id',
  ns: Object.keys(resources.id ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  applyLanguage(lng);
});

/** The current language as the formatters want it. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

export default i18n;
