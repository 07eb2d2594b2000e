import type { TFunction } from 'i18next';
import type { MouseEvent } from 'react';

export interface LandingProps {
  t: TFunction;
  signInHref: string;
  onNavigate: (href: string, event: MouseEvent<HTMLAnchorElement>) => void;
}

/** What an anonymous visitor sees at "/": what Carpeta is and how to sign in. Nothing private. */
export function Landing({ t, signInHref, onNavigate }: LandingProps) {
  const methods = ['clave-movil', 'clave-pin', 'clave-permanente', 'certificate', 'dnie'] as const;
  return (
    <div className="cp-stack" data-testid="landing">
      <h1>{t('landing.title')}</h1>
      <p className="cp-lead">{t('landing.lead')}</p>
      <ul>
        <li>{t('landing.points.notifications')}</li>
        <li>{t('landing.points.files')}</li>
        <li>{t('landing.points.data')}</li>
        <li>{t('landing.points.representation')}</li>
      </ul>
      <p>
        <a className="cp-button cp-button--primary" href={signInHref}>
          {t('landing.signIn')}
        </a>
      </p>
      <h2>{t('landing.howTitle')}</h2>
      <p>{t('landing.howBody')}</p>
      <ul>
        {methods.map((method) => (
          <li key={method}>{t(`landing.methods.${method}`)}</li>
        ))}
      </ul>
      <h2>{t('landing.moreTitle')}</h2>
      <ul>
        {(['accessibility', 'roadmap', 'feedback'] as const).map((page) => (
          <li key={page}>
            <a href={`/${page}`} onClick={(event) => onNavigate(`/${page}`, event)}>
              {t(`footer.${page}`)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A private page asked for without a session (or after it expired): sign in and come back here.
 * `title` is the section's when the shell knows it; anonymous visitors' manifest names only public
 * sections, so for them it is usually unknown and the page speaks of "this page".
 */
export function SignInRequired({
  t,
  title,
  signInHref,
  expired,
}: {
  t: TFunction;
  title: string | null;
  signInHref: string;
  expired: boolean;
}) {
  const heading = expired
    ? t('signInRequired.expiredTitle')
    : title
      ? t('signInRequired.title', { title })
      : t('signInRequired.titleAny');
  const body = expired
    ? t('signInRequired.expiredBody')
    : title
      ? t('signInRequired.body', { title })
      : t('signInRequired.bodyAny');
  return (
    <div className="cp-stack" data-testid="sign-in-required">
      <h1>{heading}</h1>
      <p>{body}</p>
      <p>
        <a className="cp-button cp-button--primary" href={signInHref}>
          {t('landing.signIn')}
        </a>
      </p>
    </div>
  );
}
