import type { ShellMessages } from '../messages.ts';

export const ca: ShellMessages = {
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
      organisation: 'Poder davant {{organisation}}, vàlid fins a: {{until}}',
      procedures: 'Poder per a tràmits concrets davant {{organisation}}, vàlid fins a: {{until}}',
    },
    noEnd: 'sense data de fi',
    none: 'No tens poders de representació vigents al Registre Electrònic d’Apoderaments.',
    loading: 'S’estan consultant els teus poders de representació…',
    unavailable: 'No hem pogut consultar el Registre Electrònic d’Apoderaments. Torna-ho a provar més tard.',
    failed: 'No s’ha pogut canviar. Torna-ho a provar.',
    confirm: 'Canvia',
    cancel: 'Cancel·la',
    close: 'Tanca',
    banner: 'Estàs actuant en nom de {{name}} ({{id}})',
    bannerCompany: 'Estàs actuant en representació de l’empresa {{name}} ({{id}})',
    back: 'Torna a la meva carpeta',
  },
  notices: {
    representationEndedTitle: 'Ja no actues en nom d’una altra persona',
    representationEnded:
      'El poder de representació que feies servir ja no és vàlid (revocat o caducat). Estàs veient la teva pròpia carpeta.',
    signInFailedTitle: 'No s’ha pogut iniciar la sessió',
    signin: {
      cancelled: 'Has cancel·lat la identificació. Pots tornar-ho a provar quan vulguis.',
      failed: 'La identificació no s’ha completat. Torna-ho a provar.',
      throttled:
        'Hi ha hagut massa intents fallits. Per seguretat, espera uns minuts abans de tornar-ho a provar.',
      unavailable: 'El servei d’identificació no està disponible ara. Prova-ho d’aquí a uns minuts.',
      insufficient:
        'Aquest servei necessita un certificat electrònic o DNIe; el mètode triat no té prou nivell.',
    },
  },
  expiry: {
    title: 'La teva sessió caducarà',
    body: 'Per seguretat, la teva sessió es tancarà d’aquí a {{remaining}} si no fas res.',
    extend: 'Continua connectat',
  },
  stepUp: {
    title: '{{title}} necessita una identificació més segura',
    body: 'Per veure aquest servei t’has d’identificar amb certificat electrònic o DNIe (nivell alt). Tornaràs a aquesta pàgina.',
    action: 'Identificar-me amb certificat o DNIe',
  },
  landing: {
    title: 'La teva Carpeta Ciutadana',
    lead: 'Un únic lloc per veure i gestionar el que les administracions públiques tenen sobre tu.',
    points: {
      notifications: 'Les teves notificacions de qualsevol administració, amb els seus terminis.',
      files: 'Els teus expedients oberts i les teves cites.',
      data: 'Les teves dades personals i justificants, i qui els ha consultat.',
      representation: 'Els tràmits de les persones o empreses que representes.',
    },
    signIn: 'Identificar-me',
    howTitle: 'Com identificar-te',
    howBody: 'Fes servir el sistema Cl@ve o un certificat electrònic:',
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
    title: 'Identifica’t per veure {{title}}',
    body: '{{title}} conté informació personal. Identifica’t i tornaràs a aquesta pàgina.',
    titleAny: 'Identifica’t per continuar',
    bodyAny: 'Aquesta pàgina és de la teva Carpeta i conté informació personal. Identifica’t i hi tornaràs.',
    expiredTitle: 'La teva sessió ha caducat',
    expiredBody: 'Per seguretat hem tancat la teva sessió. Torna a identificar-te per continuar on eres.',
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
      'No hem pogut carregar aquest servei. La resta del portal continua funcionant. Pots tornar-ho a provar ara o més tard.',
    mountErrorBody:
      'Aquest servei ha fallat en iniciar-se. La resta del portal continua funcionant. Pots tornar-ho a provar.',
    timeoutBody: 'Aquest servei triga massa a respondre. La resta del portal continua funcionant.',
    retry: 'Torna-ho a provar',
    errorReference: 'Referència de l’error: {{id}}',
    errorCode: 'Codi de l’error: {{code}}',
    errorProvider: 'Servei de {{owner}}, fet amb {{framework}} (versió {{version}}).',
    framework: { react: 'React', angular: 'Angular', vanilla: 'JavaScript sense framework' },
  },
  manifest: {
    unavailableTitle: 'No podem mostrar els serveis',
    unavailableBody:
      'No hem pogut obtenir la llista de serveis del portal. Torna-ho a provar d’aquí a uns minuts.',
    rejectedTitle: 'Alguns serveis no s’han pogut incorporar',
    rejectedBody: 'Els serveis següents tenen una configuració no vàlida i s’han omès:',
    rejectedDetails: 'Detalls tècnics',
    residenceTitle: 'Pot ser que hi faltin serveis de la teva comunitat o el teu ajuntament',
    residenceBody:
      'No hem pogut consultar el teu lloc de residència ({{name}}): ara només veus els serveis de tot Espanya. Els de la teva comunitat autònoma i el teu ajuntament tornaran a aparèixer tan bon punt respongui.',
  },
  pages: {
    notFound: {
      title: 'No s’ha trobat la pàgina',
      body: 'L’adreça no correspon a cap pàgina del portal. Si l’has escrita tu, comprova que és correcta.',
      home: 'Vés a la pàgina d’inici',
    },
    accessibility: { title: 'Declaració d’accessibilitat' },
  },
};
