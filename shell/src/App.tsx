import {
  Alert,
  Footer,
  Header,
  LanguageSelector,
  Select,
  ServiceNavigation,
  SkipLink,
} from '@carpeta/design-system';
import { createFormatters, languageName, languageTag, localize, routeMatches } from '@carpeta/sdk';
import type { MouseEvent } from 'react';
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { navigateToUrl } from 'single-spa';
import type { ShellContext } from './context.ts';
import { hasUnread, NOTIFICATIONS_ENTRY_ID, UnreadBadge, usePendingCount } from './nav-badge.tsx';
import { SHELL_PAGES, findShellPage } from './pages/index.tsx';
import { Landing, SignInRequired } from './pages/Landing.tsx';
import { ActingForBanner, SessionExpiry, SessionNotices, UserArea } from './session-ui.tsx';
import { createPanelHost } from './register.ts';
import { signInHref, THEMES } from './stores.ts';

// Ada's panel: its code (and the assistant's remote) arrive when the citizen opens it.
const loadPanel = () => import('./assistant-panel.tsx');
const AssistantPanel = lazy(loadPanel);

function useStore<T>(store: { get(): T; subscribe(listener: () => void): () => void }): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

function navigate(href: string, event: MouseEvent<HTMLAnchorElement>) {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
  event.preventDefault();
  navigateToUrl(href);
}

export function App({ context }: { context: ShellContext }) {
  const language = useStore(context.language);
  const pathname = useStore(context.pathname);
  const manifest = useStore(context.manifest);
  const session = useStore(context.session);
  const sessionStatus = useStore(context.session.status);
  const notice = useStore(context.session.notice);
  const theme = useStore(context.theme);
  const t = context.translator.getFixedT(language);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [assistantOpen, setAssistantOpen] = useState(false);
  const assistantButton = useRef<HTMLButtonElement>(null);

  const entries = manifest.status === 'ready' ? manifest.entries : [];
  const activeEntry = entries.find((entry) => routeMatches(entry.route, pathname));
  const shellPage = findShellPage(pathname);
  const anonymous = sessionStatus === 'ready' && !session.authenticated;
  // Anonymous visitors get the landing page at "/" and a sign-in page everywhere else but the
  // public pages: their manifest holds only public entries, so a private page is one it lacks.
  const showLanding = anonymous && pathname === '/' && !shellPage;
  const privateEntry = activeEntry && !activeEntry.public ? activeEntry : undefined;
  const showSignIn =
    anonymous &&
    !showLanding &&
    !shellPage &&
    (privateEntry !== undefined || (manifest.status === 'ready' && activeEntry === undefined));
  const notFound =
    manifest.status === 'ready' && sessionStatus === 'ready' && !anonymous && !activeEntry && !shellPage;
  const search = useStore(context.search);
  const loginHref = signInHref(`${pathname}${search}`, { language, theme });

  const pageTitle = showLanding
    ? t('landing.title')
    : activeEntry
      ? localize(activeEntry.title, language)
      : showSignIn
        ? t('signInRequired.titleAny')
        : shellPage
          ? t(`pages.${shellPage.id}.title`)
          : notFound
            ? t('pages.notFound.title')
            : undefined;

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('portalName')}` : t('portalName');
  }, [pageTitle, t]);

  // After client-side navigation, move focus to the main content so that keyboard and screen
  // reader users start from the new page, as they would after a full page load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  const pendingCount = usePendingCount(context.events);
  const navItems = entries
    .filter((entry) => entry.nav.show && (entry.public || session.authenticated))
    .map((entry) => ({
      href: entry.route,
      label: localize(entry.title, language),
      current: entry === activeEntry,
      ...(entry.id === NOTIFICATIONS_ENTRY_ID && session.authenticated && hasUnread(pendingCount)
        ? {
            badge: <UnreadBadge count={pendingCount} label={(count) => t('navUnread', { count })} />,
          }
        : {}),
    }));

  const ShellPage = shellPage?.component;
  // On its own route (/ada) the assistant is the page: no panel there.
  const assistantEntry = entries.find((entry) => entry.id === 'assistant' && entry !== activeEntry);
  const closeAssistant = () => {
    setAssistantOpen(false);
    assistantButton.current?.focus();
  };

  return (
    <div className="cp-page">
      <SkipLink href="#main">{t('skipToContent')}</SkipLink>
      <Header serviceName={t('portalName')} homeHref="/">
        <LanguageSelector
          label={t('language')}
          languages={context.language.bridge.languages.map((code) => ({
            code,
            lang: languageTag(code),
            name: languageName(code),
          }))}
          current={language}
          onChange={(code) => {
            const match = context.language.bridge.languages.find((candidate) => candidate === code);
            if (match) void context.language.choose(match);
          }}
        />
        {assistantEntry && (
          <button
            ref={assistantButton}
            type="button"
            className="cp-button cp-button--secondary"
            aria-expanded={assistantOpen}
            data-assistant-button=""
            onPointerEnter={() => void loadPanel()}
            onFocus={() => void loadPanel()}
            onClick={() => (assistantOpen ? closeAssistant() : setAssistantOpen(true))}
          >
            {localize(assistantEntry.title, language)}
          </button>
        )}
        <UserArea context={context} t={t} />
      </Header>
      {assistantOpen && assistantEntry && (
        <Suspense fallback={null}>
          <AssistantPanel
            entry={assistantEntry}
            context={context}
            onClose={closeAssistant}
            createHost={createPanelHost}
          />
        </Suspense>
      )}
      <ActingForBanner context={context} t={t} />
      {navItems.length > 0 && (
        <ServiceNavigation
          label={t('primaryNavigation')}
          menuLabel={t('menu')}
          items={navItems}
          onNavigate={navigate}
        />
      )}
      <main id="main" ref={main} tabIndex={-1} className="cp-main">
        <div className="cp-width-container">
          {manifest.status === 'failed' && (
            <Alert variant="error" title={t('manifest.unavailableTitle')} headingLevel={2} live>
              <p>{t('manifest.unavailableBody')}</p>
            </Alert>
          )}
          {manifest.status === 'ready' && manifest.audience?.residence === 'unavailable' && (
            <Alert
              variant="warning"
              title={t('manifest.residenceTitle')}
              headingLevel={2}
              data-testid="residence-unavailable"
            >
              <p>{t('manifest.residenceBody', { name: manifest.audience.source?.name ?? '' })}</p>
            </Alert>
          )}
          {manifest.status === 'ready' && manifest.rejected.length > 0 && (
            <Alert variant="warning" title={t('manifest.rejectedTitle')} headingLevel={2}>
              <p>{t('manifest.rejectedBody')}</p>
              <ul data-testid="rejected-mfes">
                {manifest.rejected.map((rejected) => (
                  <li key={rejected.index}>
                    <strong>{rejected.id ?? `#${rejected.index + 1}`}</strong>
                    <details>
                      <summary>{t('manifest.rejectedDetails')}</summary>
                      <pre className="cp-pre">{rejected.reason}</pre>
                    </details>
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <SessionNotices context={context} t={t} showExpired={showLanding} />
          {showLanding && <Landing t={t} signInHref={loginHref} onNavigate={navigate} />}
          {showSignIn && (
            <SignInRequired
              t={t}
              title={privateEntry ? localize(privateEntry.title, language) : null}
              signInHref={loginHref}
              expired={notice === 'expired'}
            />
          )}
          {ShellPage && <ShellPage t={t} language={language} formatDate={createFormatters(language).date} />}
          {notFound && <NotFound t={t} />}
          <div
            id="mfe-outlet"
            className="cp-mfe-outlet"
            data-expecting={activeEntry && !showSignIn ? '' : undefined}
          />
        </div>
      </main>
      <SessionExpiry context={context} t={t} />
      <Footer
        links={SHELL_PAGES.map((page) => ({ href: page.path, label: t(`footer.${page.id}`) }))}
        onNavigate={navigate}
      >
        <Select
          label={t('appearance.label')}
          options={THEMES.map((value) => ({ value, label: t(`appearance.${value}`) }))}
          value={theme}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (context.theme.isTheme(value)) context.theme.set(value);
          }}
        />
        <p>{t('footer.owner')}</p>
      </Footer>
    </div>
  );
}

function NotFound({ t }: { t: (key: string) => string }) {
  return (
    <>
      <h1>{t('pages.notFound.title')}</h1>
      <p>{t('pages.notFound.body')}</p>
      <p>
        <a href="/" onClick={(event) => navigate('/', event)}>
          {t('pages.notFound.home')}
        </a>
      </p>
    </>
  );
}

export { SHELL_PAGES };
