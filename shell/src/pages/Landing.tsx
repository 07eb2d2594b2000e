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

/** A private page asked for without a session (or after it expired): sign in and come back here. */
export function SignInRequired({
  t,
  title,
  signInHref,
  expired,
}: {
  t: TFunction;
  title: string;
  signInHref: string;
  expired: boolean;
}) {
  return (
    <div className="cp-stack" data-testid="sign-in-required">
      <h1>{expired ? t('signInRequired.expiredTitle') : t('signInRequired.title', { title })}</h1>
      <p>{expired ? t('signInRequired.expiredBody') : t('signInRequired.body', { title })}</p>
      <p>
        <a className="cp-button cp-button--primary" href={signInHref}>
          {t('landing.signIn')}
        </a>
      </p>
    </div>
  );
}
