/*
 * Every string the simulated identity provider shows, one catalogue per language. Spanish is
 * required; to add a language, add its code to LANGUAGES and a catalogue of the same shape.
 * Strings are plain text: the pages escape them.
 */

import { ca } from './messages/ca.ts';
import { eu } from './messages/eu.ts';
import { gl } from './messages/gl.ts';
import { va } from './messages/va.ts';

/** The portal's six languages (the same codes as the sdk's; this process does not import it). */
export const LANGUAGES = ['es', 'ca', 'gl', 'eu', 'va', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';

/** The BCP 47 tag of each language for `lang`, `hreflang` and `ui_locales`: Valencian is `ca-ES-valencia`. */
export const LANGUAGE_TAGS: Record<Language, string> = {
  es: 'es',
  ca: 'ca',
  gl: 'gl',
  eu: 'eu',
  va: 'ca-ES-valencia',
  en: 'en',
};

export type MethodId = 'clave-movil' | 'clave-pin' | 'clave-permanente' | 'certificate' | 'dnie';
export type LevelId = 'substantial' | 'high';

export interface Messages {
  /** The language's own name, shown in the language switch. */
  languageName: string;
  languageNav: string;
  skipLink: string;
  serviceName: string;
  simulatedTag: string;
  simulatedNote: string;
  footerNote: string;
  /** Page titles: "<page> – Cl@ve (simulado)". */
  titleSuffix: string;
  errorTitlePrefix: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  step: (current: number, total: number) => string;
  levels: Record<LevelId, string>;
  levelLabel: (level: string) => string;
  methods: Record<MethodId, { label: string; hint: string }>;
  method: {
    title: string;
    hint: string;
    stepUp: string;
    required: string;
    continue: string;
    cancel: string;
  };
  citizen: {
    title: string;
    hint: (method: string) => string;
    required: string;
    testOnly: string;
    maintainer: string;
    document: (type: string, number: string) => string;
    smsTitle: string;
    smsText: string;
    smsExpiry: string;
    codeLabel: string;
    codeHint: string;
    codeRequired: string;
    codeWrong: string;
    codeExpired: string;
    otherMethod: string;
    continue: string;
    cancel: string;
  };
  consent: {
    title: string;
    intro: (client: string) => string;
    givenName: string;
    surnames: string;
    document: string;
    level: string;
    accept: string;
    cancel: string;
  };
  logout: {
    title: string;
    text: string;
    button: string;
  };
  loggedOut: {
    title: string;
    text: string;
  };
  error: {
    title: string;
    text: string;
    expiredTitle: string;
    expiredText: string;
    forbiddenTitle: string;
    forbiddenText: string;
    notFoundTitle: string;
    notFoundText: string;
  };
}

const es: Messages = {
  languageName: 'Español',
  languageNav: 'Idioma',
  skipLink: 'Saltar al contenido principal',
  serviceName: 'Cl@ve',
  simulatedTag: 'Simulado',
  simulatedNote:
    'Proveedor de identidad simulado para pruebas. No es Cl@ve: no escribas aquí datos ni contraseñas reales.',
  footerNote: 'Simulación de Cl@ve del proyecto Carpeta, solo para desarrollo y pruebas.',
  titleSuffix: 'Cl@ve (simulado)',
  errorTitlePrefix: 'Error: ',
  errorSummaryTitle: 'Hay un problema',
  errorPrefix: 'Error:',
  step: (current, total) => `Paso ${current} de ${total}`,
  levels: { substantial: 'sustancial', high: 'alto' },
  levelLabel: (level) => `Nivel de seguridad ${level}`,
  methods: {
    'clave-movil': {
      label: 'Cl@ve Móvil',
      hint: 'Confirmas tu identidad desde la aplicación Cl@ve de tu móvil.',
    },
    'clave-pin': {
      label: 'Cl@ve PIN',
      hint: 'Un código de un solo uso que recibes por SMS y vale 10 minutos.',
    },
    'clave-permanente': {
      label: 'Cl@ve permanente',
      hint: 'Usuario y contraseña, con un código por SMS para los servicios más sensibles.',
    },
    certificate: {
      label: 'Certificado electrónico',
      hint: 'Un certificado reconocido instalado en tu navegador o en tu dispositivo.',
    },
    dnie: {
      label: 'DNI electrónico (DNIe)',
      hint: 'Tu documento nacional de identidad electrónico, con un lector o por NFC.',
    },
  },
  method: {
    title: 'Elige cómo identificarte',
    hint: 'Cada método tiene un nivel de seguridad. Carpeta te pedirá uno más alto para algunos trámites.',
    stepUp:
      'Este trámite necesita un nivel de seguridad alto: solo puedes identificarte con certificado electrónico o DNIe.',
    required: 'Elige un método para identificarte',
    continue: 'Continuar',
    cancel: 'Cancelar',
  },
  citizen: {
    title: 'Elige con qué persona de prueba entrar',
    hint: (method) => `Simulación de ${method}: en lugar de identificarte, eliges una identidad de prueba.`,
    required: 'Elige una persona de prueba',
    testOnly: 'Solo para pruebas automáticas: datos hostiles',
    maintainer: 'Personal de mantenimiento del portal, no es una persona ciudadana',
    document: (type, number) => `${type} ${number}`,
    smsTitle: 'SMS simulado',
    smsText: 'Tu código Cl@ve PIN es:',
    smsExpiry: 'Caduca en 10 minutos. No lo compartas con nadie.',
    codeLabel: 'Código Cl@ve PIN',
    codeHint: 'El código de 6 cifras que has recibido por SMS.',
    codeRequired: 'Escribe el código Cl@ve PIN que has recibido por SMS',
    codeWrong: 'El código Cl@ve PIN no es correcto. Compruébalo y vuelve a escribirlo',
    codeExpired: 'El código Cl@ve PIN ha caducado. Te hemos enviado uno nuevo',
    otherMethod: 'Elegir otro método',
    continue: 'Continuar',
    cancel: 'Cancelar',
  },
  consent: {
    title: 'Compartir tus datos con Carpeta',
    intro: (client) => `${client} recibirá estos datos para identificarte:`,
    givenName: 'Nombre',
    surnames: 'Apellidos',
    document: 'NIF o NIE',
    level: 'Nivel de seguridad',
    accept: 'Aceptar y continuar',
    cancel: 'Cancelar',
  },
  logout: {
    title: 'Cerrando tu sesión',
    text: 'Estamos cerrando tu sesión de Cl@ve y te llevaremos de vuelta a Carpeta.',
    button: 'Cerrar la sesión y volver',
  },
  loggedOut: {
    title: 'Has cerrado la sesión',
    text: 'Tu sesión de Cl@ve ha terminado. Ya puedes cerrar esta página.',
  },
  error: {
    title: 'No se ha podido completar la identificación',
    text: 'Vuelve a Carpeta e inténtalo de nuevo.',
    expiredTitle: 'La identificación ha caducado',
    expiredText:
      'Ha pasado demasiado tiempo o la página ya se había usado. Vuelve a Carpeta y empieza de nuevo.',
    forbiddenTitle: 'No se ha podido enviar el formulario',
    forbiddenText: 'El formulario no es válido o ha caducado. Vuelve a Carpeta y empieza de nuevo.',
    notFoundTitle: 'Página no encontrada',
    notFoundText: 'Esta dirección no existe en el proveedor de identidad.',
  },
};

const en: Messages = {
  languageName: 'English',
  languageNav: 'Language',
  skipLink: 'Skip to main content',
  serviceName: 'Cl@ve',
  simulatedTag: 'Simulated',
  simulatedNote:
    'Simulated identity provider for testing. This is not Cl@ve: do not type real data or passwords here.',
  footerNote: 'Cl@ve simulation of the Carpeta project, for development and testing only.',
  titleSuffix: 'Cl@ve (simulated)',
  errorTitlePrefix: 'Error: ',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  step: (current, total) => `Step ${current} of ${total}`,
  levels: { substantial: 'substantial', high: 'high' },
  levelLabel: (level) => `Level of assurance: ${level}`,
  methods: {
    'clave-movil': {
      label: 'Cl@ve Móvil',
      hint: 'You confirm who you are in the Cl@ve app on your phone.',
    },
    'clave-pin': {
      label: 'Cl@ve PIN',
      hint: 'A single-use code sent to you by text message, valid for 10 minutes.',
    },
    'clave-permanente': {
      label: 'Cl@ve permanente',
      hint: 'User name and password, with a text message code for the most sensitive services.',
    },
    certificate: {
      label: 'Electronic certificate',
      hint: 'A qualified certificate installed in your browser or device.',
    },
    dnie: {
      label: 'Electronic identity card (DNIe)',
      hint: 'Your Spanish electronic identity card, with a card reader or NFC.',
    },
  },
  method: {
    title: 'Choose how to prove who you are',
    hint: 'Each method has a level of assurance. Carpeta asks for a higher one for some services.',
    stepUp:
      'This service needs a high level of assurance: you can only use an electronic certificate or your DNIe.',
    required: 'Choose a way to prove who you are',
    continue: 'Continue',
    cancel: 'Cancel',
  },
  citizen: {
    title: 'Choose a test citizen to sign in as',
    hint: (method) => `Simulated ${method}: instead of proving who you are, you pick a test identity.`,
    required: 'Choose a test citizen',
    testOnly: 'For automated tests only: hostile data',
    maintainer: 'Portal maintenance staff, not a citizen',
    document: (type, number) => `${type} ${number}`,
    smsTitle: 'Simulated text message',
    smsText: 'Your Cl@ve PIN code is:',
    smsExpiry: 'It expires in 10 minutes. Do not share it with anyone.',
    codeLabel: 'Cl@ve PIN code',
    codeHint: 'The 6-digit code you received by text message.',
    codeRequired: 'Enter the Cl@ve PIN code you received by text message',
    codeWrong: 'The Cl@ve PIN code is not right. Check it and enter it again',
    codeExpired: 'The Cl@ve PIN code has expired. We have sent you a new one',
    otherMethod: 'Choose another method',
    continue: 'Continue',
    cancel: 'Cancel',
  },
  consent: {
    title: 'Share your details with Carpeta',
    intro: (client) => `${client} will receive these details to know who you are:`,
    givenName: 'Name',
    surnames: 'Surnames',
    document: 'NIF or NIE',
    level: 'Level of assurance',
    accept: 'Accept and continue',
    cancel: 'Cancel',
  },
  logout: {
    title: 'Signing you out',
    text: 'We are ending your Cl@ve session and taking you back to Carpeta.',
    button: 'Sign out and go back',
  },
  loggedOut: {
    title: 'You have signed out',
    text: 'Your Cl@ve session has ended. You can close this page.',
  },
  error: {
    title: 'We could not complete your sign-in',
    text: 'Go back to Carpeta and try again.',
    expiredTitle: 'Your sign-in has expired',
    expiredText:
      'Too much time has passed or the page had already been used. Go back to Carpeta and start again.',
    forbiddenTitle: 'The form could not be sent',
    forbiddenText: 'The form is not valid or has expired. Go back to Carpeta and start again.',
    notFoundTitle: 'Page not found',
    notFoundText: 'This address does not exist at the identity provider.',
  },
};

export const CATALOGUES: Record<Language, Messages> = { es, ca, gl, eu, va, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language of an OIDC `ui_locales` value ("en-GB es" → "en"), matching on the
 * primary subtag ("ca-ES-valencia" → "va"); undefined when none is supported.
 */
export function languageFromUiLocales(uiLocales: unknown): Language | undefined {
  if (typeof uiLocales !== 'string') return undefined;
  for (const tag of uiLocales.split(/\s+/)) {
    const subtags = tag.toLowerCase().split('-');
    if (subtags[0] === 'ca' && subtags.includes('valencia')) return 'va';
    if (isLanguage(subtags[0])) return subtags[0];
  }
  return undefined;
}
