// help.html: the page the manifest's support link opens, outside Excel. The pane's own help,
// Vietnamese unless the address asks for English (?lang=en), with a link to the other language.
import { createRoot } from 'react-dom/client';
import { FluentProvider, Link, Title2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { Help } from './components/Help';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  page: {
    maxWidth: '760px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
});

function HelpPage({ lang }: { lang: 'vi' | 'en' }) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const other = t.help.otherLanguage;
  return (
    <main className={styles.page}>
      <div className={styles.top}>
        <Title2 as="h1" className={styles.title}>
          {t.help.pageTitle}
        </Title2>
        <Link href={`help.html?lang=${other.lang}`} lang={other.lang} data-testid="help-language">
          {other.label}
        </Link>
      </div>
      <Help t={t} level={2} />
    </main>
  );
}

const lang = /[?&]lang=en\b/.test(window.location.search) ? 'en' : 'vi';
document.documentElement.lang = lang;
document.title = STRINGS[lang].help.pageTitle;
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <HelpPage lang={lang} />
    </FluentProvider>,
  );
