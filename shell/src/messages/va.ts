import type { ShellMessages } from '../messages.ts';

/** Valencian: its own catalogue, in the normative forms of the Acadèmia Valenciana de la Llengua. */
export const va: ShellMessages = {
  portalName: 'Carpeta Ciutadana',
  skipToContent: 'Salta al contingut principal',
  primaryNavigation: 'Navegació principal',
  navUnread_one: '{{count}} sense llegir',
  navUnread_other: '{{count}} sense llegir',
  menu: 'Menú',
  language: 'Idioma',
  footerNavigation: 'Informació del portal',
  appearance: {
    label: 'Aparença',
    system: 'Segons el dispositiu',
    light: 'Clara',
    dark: 'Fosca',
    'high-contrast': 'Contrast alt',
  },
  userArea: {
    signIn: 'Identificar-se',
    signOut: 'Tanca la sessió',
    previousAccess: 'Últim accés: {{at}} amb {{method}}',
    firstAccess: 'És el teu primer accés',
  },
  methods: {
    'clave-movil': 'Cl@ve Móvil',
    'clave-pin': 'Cl@ve PIN',
    'clave-permanente': 'Cl@ve permanente',
    certificate: 'certificat electrònic',
    dnie: 'DNIe',
  },
  loa: { low: 'nivell baix', substantial: 'nivell substancial', high: 'nivell alt' },
  actingFor: {
    choose: 'Actuar en nom de…',
    title: 'Actuar en nom d’una altra persona',
    legend: 'De qui vols veure la carpeta?',
    self: 'Jo mateix: {{name}}',
    kind: {
      general: 'Poder general per a qualsevol tràmit, vàlid fins a: {{until}}',
      organisation: 'Poder davant de {{organisation}}, vàlid fins a: {{until}}',
      procedures: 'Poder per a tràmits concrets davant de {{organisation}}, vàlid fins a: {{until}}',
    },
    noEnd: 'sense data de fi',
    none: 'No tens poders de representació en vigor en el Registre Electrònic d’Apoderaments.',
    loading: 'S’estan consultant els teus poders de representació…',
    unavailable:
      'No hem pogut consultar el Registre Electrònic d’Apoderaments. Torna a intentar-ho més tard.',
    failed: 'No s’ha pogut canviar. Torna a intentar-ho.',
    confirm: 'Canvia',
    cancel: 'Cancel·la',
    close: 'Tanca',
    banner: 'Estàs actuant en nom de {{name}} ({{id}})',
    bannerCompany: 'Estàs actuant en representació de l’empresa {{name}} ({{id}})',
    back: 'Torna a la meua carpeta',
  },
  notices: {
    representationEndedTitle: 'Ja no actues en nom d’una altra persona',
    representationEnded:
      'El poder de representació que utilitzaves ja no és vàlid (revocat o caducat). Estàs veient la teua pròpia carpeta.',
    signInFailedTitle: 'No s’ha pogut iniciar la sessió',
    signin: {
      cancelled: 'Has cancel·lat la identificació. Pots tornar a intentar-ho quan vullgues.',
      failed: 'La identificació no s’ha completat. Torna a intentar-ho.',
      throttled:
        'Hi ha hagut massa intents fallits. Per seguretat, espera uns minuts abans de tornar a intentar-ho.',
      unavailable: 'El servici d’identificació no està disponible ara. Intenta-ho d’ací a uns minuts.',
      insufficient:
        'Este servici necessita un certificat electrònic o DNIe; el mètode triat no té prou nivell.',
    },
  },
  expiry: {
    title: 'La teua sessió caducarà',
    body: 'Per seguretat, la teua sessió es tancarà d’ací a {{remaining}} si no fas res.',
    extend: 'Continua connectat',
  },
  stepUp: {
    title: '{{title}} necessita una identificació més segura',
    body: 'Per a veure este servici t’has d’identificar amb certificat electrònic o DNIe (nivell alt). Tornaràs a esta pàgina.',
    action: 'Identificar-me amb certificat o DNIe',
  },
  landing: {
    title: 'La teua Carpeta Ciutadana',
    lead: 'Un únic lloc per a veure i gestionar el que les administracions públiques tenen sobre tu.',
    points: {
      notifications: 'Les teues notificacions de qualsevol administració, amb els seus terminis.',
      files: 'Els teus expedients oberts i les teues cites.',
      data: 'Les teues dades personals i justificants, i qui els ha consultat.',
      representation: 'Els tràmits de les persones o empreses que representes.',
    },
    signIn: 'Identificar-me',
    howTitle: 'Com identificar-te',
    howBody: 'Utilitza el sistema Cl@ve o un certificat electrònic:',
    methods: {
      'clave-movil': 'Cl@ve Móvil, des de l’aplicació del teu mòbil (nivell substancial).',
      'clave-pin': 'Cl@ve PIN, amb un codi d’un sol ús (nivell substancial).',
      'clave-permanente': 'Cl@ve permanente, amb usuari, contrasenya i codi SMS (nivell substancial).',
      certificate: 'Certificat electrònic (nivell alt).',
      dnie: 'DNI electrònic (nivell alt).',
    },
    moreTitle: 'Més informació',
  },
  signInRequired: {
    title: 'Identifica’t per a veure {{title}}',
    body: '{{title}} conté informació personal. Identifica’t i tornaràs a esta pàgina.',
    titleAny: 'Identifica’t per a continuar',
    bodyAny: 'Esta pàgina és de la teua Carpeta i conté informació personal. Identifica’t i hi tornaràs.',
    expiredTitle: 'La teua sessió ha caducat',
    expiredBody:
      'Per seguretat hem tancat la teua sessió. Torna a identificar-te per a continuar on estaves.',
  },
  footer: {
    accessibility: 'Declaració d’accessibilitat',
    roadmap: 'Full de ruta',
    feedback: 'Opinió i suggeriments',
    owner: 'Carpeta és un portal obert de la ciutadania.',
  },
  mfe: {
    loading: 'S’està carregant {{title}}…',
    loadErrorTitle: '{{title}} no està disponible ara',
    loadErrorBody:
      'No hem pogut carregar este servici. La resta del portal continua funcionant. Pots tornar a intentar-ho ara o més tard.',
    mountErrorBody:
      'Este servici ha fallat en iniciar-se. La resta del portal continua funcionant. Pots tornar a intentar-ho.',
    timeoutBody: 'Este servici tarda massa a respondre. La resta del portal continua funcionant.',
    retry: 'Torna a intentar-ho',
    errorReference: 'Referència de l’error: {{id}}',
    errorCode: 'Codi de l’error: {{code}}',
    errorProvider: 'Servici de {{owner}}, fet amb {{framework}} (versió {{version}}).',
    framework: { react: 'React', angular: 'Angular', vanilla: 'JavaScript sense framework' },
  },
  manifest: {
    unavailableTitle: 'No podem mostrar els servicis',
    unavailableBody:
      'No hem pogut obtindre la llista de servicis del portal. Torna a intentar-ho d’ací a uns minuts.',
    rejectedTitle: 'Alguns servicis no s’han pogut incorporar',
    rejectedBody: 'Els servicis següents tenen una configuració no vàlida i s’han omés:',
    rejectedDetails: 'Detalls tècnics',
    residenceTitle: 'Pot ser que falten servicis de la teua comunitat o del teu ajuntament',
    residenceBody:
      'No hem pogut consultar el teu lloc de residència ({{name}}): ara només veus els servicis de tot Espanya. Els de la teua comunitat autònoma i del teu ajuntament tornaran a aparéixer tan prompte com responga.',
  },
  pages: {
    notFound: {
      title: 'No s’ha trobat la pàgina',
      body: 'L’adreça no correspon a cap pàgina del portal. Si l’has escrita tu, comprova que és correcta.',
      home: 'Ves a la pàgina d’inici',
    },
    accessibility: { title: 'Declaració d’accessibilitat' },
  },
};
