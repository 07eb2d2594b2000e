import type { Language } from '@carpeta/sdk';

/** The words of the developer override's page and banner, in the portal's six languages. */
export interface OverrideTexts {
  bannerLabel: string;
  /** `{list}`: the services overridden, with their addresses. */
  bannerText: string;
  reset: string;
  manage: string;
  pageTitle: string;
  /** `{origins}`: the origins allowed. */
  pageIntro: string;
  noOrigins: string;
  mfeLabel: string;
  urlLabel: string;
  apply: string;
  active: string;
  none: string;
  /** `{reason}`: why, in English (a developer's detail). */
  refused: string;
  back: string;
}

export const OVERRIDE_TEXTS: Record<Language, OverrideTexts> = {
  es: {
    bannerLabel: 'Modo de desarrollo',
    bannerText: 'Modo de desarrollo: se cargan servicios desde otra dirección ({list}).',
    reset: 'Quitar las sustituciones',
    manage: 'Gestionar',
    pageTitle: 'Sustituir el código de un servicio (desarrollo)',
    pageIntro:
      'Carga un servicio de este portal desde otra dirección, solo en este navegador. Orígenes permitidos: {origins}.',
    noOrigins: 'ninguno (configure CARPETA_DEV_OVERRIDE_ORIGINS)',
    mfeLabel: 'Servicio',
    urlLabel: 'Dirección del punto de entrada remoto (remoteEntry.js)',
    apply: 'Aplicar la sustitución',
    active: 'Sustituciones activas',
    none: 'No hay ninguna sustitución activa.',
    refused: 'No se ha aplicado la sustitución: {reason}.',
    back: 'Volver al portal',
  },
  ca: {
    bannerLabel: 'Mode de desenvolupament',
    bannerText: 'Mode de desenvolupament: es carreguen serveis des d’una altra adreça ({list}).',
    reset: 'Treure les substitucions',
    manage: 'Gestionar',
    pageTitle: 'Substituir el codi d’un servei (desenvolupament)',
    pageIntro:
      'Carrega un servei d’aquest portal des d’una altra adreça, només en aquest navegador. Orígens permesos: {origins}.',
    noOrigins: 'cap (configureu CARPETA_DEV_OVERRIDE_ORIGINS)',
    mfeLabel: 'Servei',
    urlLabel: 'Adreça del punt d’entrada remot (remoteEntry.js)',
    apply: 'Aplicar la substitució',
    active: 'Substitucions actives',
    none: 'No hi ha cap substitució activa.',
    refused: 'No s’ha aplicat la substitució: {reason}.',
    back: 'Tornar al portal',
  },
  gl: {
    bannerLabel: 'Modo de desenvolvemento',
    bannerText: 'Modo de desenvolvemento: cárganse servizos desde outro enderezo ({list}).',
    reset: 'Quitar as substitucións',
    manage: 'Xestionar',
    pageTitle: 'Substituír o código dun servizo (desenvolvemento)',
    pageIntro:
      'Carga un servizo deste portal desde outro enderezo, só neste navegador. Orixes permitidas: {origins}.',
    noOrigins: 'ningunha (configure CARPETA_DEV_OVERRIDE_ORIGINS)',
    mfeLabel: 'Servizo',
    urlLabel: 'Enderezo do punto de entrada remoto (remoteEntry.js)',
    apply: 'Aplicar a substitución',
    active: 'Substitucións activas',
    none: 'Non hai ningunha substitución activa.',
    refused: 'Non se aplicou a substitución: {reason}.',
    back: 'Volver ao portal',
  },
  eu: {
    bannerLabel: 'Garapen modua',
    bannerText: 'Garapen modua: zerbitzuak beste helbide batetik kargatzen dira ({list}).',
    reset: 'Ordezkapenak kendu',
    manage: 'Kudeatu',
    pageTitle: 'Zerbitzu baten kodea ordeztu (garapena)',
    pageIntro:
      'Kargatu atari honetako zerbitzu bat beste helbide batetik, nabigatzaile honetan soilik. Baimendutako jatorriak: {origins}.',
    noOrigins: 'bat ere ez (konfiguratu CARPETA_DEV_OVERRIDE_ORIGINS)',
    mfeLabel: 'Zerbitzua',
    urlLabel: 'Urruneko sarrera-puntuaren helbidea (remoteEntry.js)',
    apply: 'Ordezkapena aplikatu',
    active: 'Ordezkapen aktiboak',
    none: 'Ez dago ordezkapen aktiborik.',
    refused: 'Ez da ordezkapena aplikatu: {reason}.',
    back: 'Itzuli atarira',
  },
  va: {
    bannerLabel: 'Mode de desenvolupament',
    bannerText: 'Mode de desenvolupament: es carreguen servicis des d’una altra adreça ({list}).',
    reset: 'Llevar les substitucions',
    manage: 'Gestionar',
    pageTitle: 'Substituir el codi d’un servici (desenvolupament)',
    pageIntro:
      'Carrega un servici d’este portal des d’una altra adreça, només en este navegador. Orígens permesos: {origins}.',
    noOrigins: 'cap (configureu CARPETA_DEV_OVERRIDE_ORIGINS)',
    mfeLabel: 'Servici',
    urlLabel: 'Adreça del punt d’entrada remot (remoteEntry.js)',
    apply: 'Aplicar la substitució',
    active: 'Substitucions actives',
    none: 'No hi ha cap substitució activa.',
    refused: 'No s’ha aplicat la substitució: {reason}.',
    back: 'Tornar al portal',
  },
  en: {
    bannerLabel: 'Development mode',
    bannerText: 'Development mode: services are loaded from another address ({list}).',
    reset: 'Reset overrides',
    manage: 'Manage',
    pageTitle: 'Override a service’s code (development)',
    pageIntro:
      'Load one service of this portal from another address, in this browser only. Allowed origins: {origins}.',
    noOrigins: 'none (set CARPETA_DEV_OVERRIDE_ORIGINS)',
    mfeLabel: 'Service',
    urlLabel: 'Address of the remote entry (remoteEntry.js)',
    apply: 'Apply override',
    active: 'Active overrides',
    none: 'No override is active.',
    refused: 'The override was not applied: {reason}.',
    back: 'Back to the portal',
  },
};

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
