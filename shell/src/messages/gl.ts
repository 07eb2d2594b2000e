import type { ShellMessages } from '../messages.ts';

export const gl: ShellMessages = {
  portalName: 'Carpeta Cidadá',
  skipToContent: 'Saltar ao contido principal',
  primaryNavigation: 'Navegación principal',
  navUnread_one: '{{count}} sen ler',
  navUnread_other: '{{count}} sen ler',
  menu: 'Menú',
  language: 'Idioma',
  footerNavigation: 'Información do portal',
  appearance: {
    label: 'Aparencia',
    system: 'Segundo o dispositivo',
    light: 'Clara',
    dark: 'Escura',
    'high-contrast': 'Alto contraste',
  },
  userArea: {
    signIn: 'Identificarse',
    signOut: 'Pechar sesión',
    previousAccess: 'Último acceso: {{at}} con {{method}}',
    firstAccess: 'É o teu primeiro acceso',
  },
  methods: {
    'clave-movil': 'Cl@ve Móvil',
    'clave-pin': 'Cl@ve PIN',
    'clave-permanente': 'Cl@ve permanente',
    certificate: 'certificado electrónico',
    dnie: 'DNIe',
  },
  loa: { low: 'nivel baixo', substantial: 'nivel substancial', high: 'nivel alto' },
  actingFor: {
    choose: 'Actuar en nome de…',
    title: 'Actuar en nome doutra persoa',
    legend: 'De quen queres ver a carpeta?',
    self: 'Eu mesmo: {{name}}',
    kind: {
      general: 'Poder xeral para calquera trámite, válido ata: {{until}}',
      organisation: 'Poder ante {{organisation}}, válido ata: {{until}}',
      procedures: 'Poder para trámites concretos ante {{organisation}}, válido ata: {{until}}',
    },
    noEnd: 'sen data de fin',
    none: 'Non tes poderes de representación en vigor no Rexistro Electrónico de Apoderamentos.',
    loading: 'Consultando os teus poderes de representación…',
    unavailable: 'Non puidemos consultar o Rexistro Electrónico de Apoderamentos. Téntao de novo máis tarde.',
    failed: 'Non se puido cambiar. Téntao de novo.',
    confirm: 'Cambiar',
    cancel: 'Cancelar',
    close: 'Pechar',
    banner: 'Estás actuando en nome de {{name}} ({{id}})',
    bannerCompany: 'Estás actuando en representación da empresa {{name}} ({{id}})',
    back: 'Volver á miña carpeta',
  },
  notices: {
    representationEndedTitle: 'Xa non actúas en nome doutra persoa',
    representationEnded:
      'O poder de representación que usabas xa non é válido (revogado ou caducado). Estás a ver a túa propia carpeta.',
    signInFailedTitle: 'Non se puido iniciar sesión',
    signin: {
      cancelled: 'Cancelaches a identificación. Podes volver tentalo cando queiras.',
      failed: 'A identificación non se completou. Volve tentalo.',
      throttled:
        'Houbo demasiados intentos fallidos. Por seguridade, agarda uns minutos antes de volver tentalo.',
      unavailable: 'O servizo de identificación non está dispoñible agora. Téntao nuns minutos.',
      insufficient:
        'Este servizo necesita un certificado electrónico ou DNIe; o método elixido non ten nivel suficiente.',
    },
  },
  expiry: {
    title: 'A túa sesión vai caducar',
    body: 'Por seguridade, a túa sesión pecharase en {{remaining}} se non fas nada.',
    extend: 'Seguir conectado',
  },
  stepUp: {
    title: '{{title}} necesita unha identificación máis segura',
    body: 'Para ver este servizo tes que identificarte con certificado electrónico ou DNIe (nivel alto). Volverás a esta páxina.',
    action: 'Identificarme con certificado ou DNIe',
  },
  landing: {
    title: 'A túa Carpeta Cidadá',
    lead: 'Un único lugar para ver e xestionar o que as administracións públicas teñen sobre ti.',
    points: {
      notifications: 'As túas notificacións de calquera administración, cos seus prazos.',
      files: 'Os teus expedientes abertos e as túas citas.',
      data: 'Os teus datos persoais e xustificantes, e quen os consultou.',
      representation: 'Os trámites das persoas ou empresas ás que representas.',
    },
    signIn: 'Identificarme',
    howTitle: 'Como identificarte',
    howBody: 'Usa o sistema Cl@ve ou un certificado electrónico:',
    methods: {
      'clave-movil': 'Cl@ve Móvil, desde a aplicación do teu móbil (nivel substancial).',
      'clave-pin': 'Cl@ve PIN, cun código dun só uso (nivel substancial).',
      'clave-permanente': 'Cl@ve permanente, con usuario, contrasinal e código SMS (nivel substancial).',
      certificate: 'Certificado electrónico (nivel alto).',
      dnie: 'DNI electrónico (nivel alto).',
    },
    moreTitle: 'Máis información',
  },
  signInRequired: {
    title: 'Identifícate para ver {{title}}',
    body: '{{title}} contén información persoal. Identifícate e volverás a esta páxina.',
    titleAny: 'Identifícate para continuar',
    bodyAny: 'Esta páxina é da túa Carpeta e contén información persoal. Identifícate e volverás a ela.',
    expiredTitle: 'A túa sesión caducou',
    expiredBody: 'Por seguridade pechamos a túa sesión. Volve identificarte para continuar onde estabas.',
  },
  footer: {
    accessibility: 'Declaración de accesibilidade',
    roadmap: 'Folla de ruta',
    feedback: 'Opinión e suxestións',
    owner: 'Carpeta é un portal aberto da cidadanía.',
  },
  mfe: {
    loading: 'Cargando {{title}}…',
    loadErrorTitle: '{{title}} non está dispoñible agora',
    loadErrorBody:
      'Non puidemos cargar este servizo. O resto do portal segue funcionando. Podes tentalo de novo agora ou máis tarde.',
    mountErrorBody:
      'Este servizo fallou ao iniciarse. O resto do portal segue funcionando. Podes tentalo de novo.',
    timeoutBody: 'Este servizo está a tardar demasiado en responder. O resto do portal segue funcionando.',
    retry: 'Tentar de novo',
    errorReference: 'Referencia do erro: {{id}}',
    errorProvider: 'Servizo de {{owner}}, feito con {{framework}} (versión {{version}}).',
    framework: { react: 'React', angular: 'Angular', vanilla: 'JavaScript sen framework' },
  },
  manifest: {
    unavailableTitle: 'Non podemos amosar os servizos',
    unavailableBody: 'Non puidemos obter a lista de servizos do portal. Volve tentalo nuns minutos.',
    rejectedTitle: 'Algúns servizos non se puideron incorporar',
    rejectedBody: 'Os seguintes servizos teñen unha configuración non válida e omitíronse:',
    rejectedDetails: 'Detalles técnicos',
    residenceTitle: 'Pode que falten servizos da túa comunidade ou do teu concello',
    residenceBody:
      'Non puidemos consultar o teu lugar de residencia ({{name}}): agora ves só os servizos de toda España. Os da túa comunidade autónoma e do teu concello volverán aparecer en canto responda.',
  },
  pages: {
    notFound: {
      title: 'Non se atopou a páxina',
      body: 'O enderezo non corresponde a ningunha páxina do portal. Se o escribiches ti, comproba que é correcto.',
      home: 'Ir á páxina de inicio',
    },
    accessibility: {
      title: 'Declaración de accesibilidade',
      intro:
        'Carpeta comprometeuse a facer accesible o seu sitio web de conformidade co Real decreto 1112/2018, do 7 de setembro, sobre accesibilidade dos sitios web e aplicacións para dispositivos móbiles do sector público. Esta declaración aplícase a todo o portal, incluídos os servizos que incorporan as administracións participantes.',
      statusTitle: 'Situación de cumprimento',
      status:
        'Este sitio web é parcialmente conforme co RD 1112/2018 (norma UNE-EN 301 549, equivalente ás WCAG 2.1 niveis A e AA) debido á falta de conformidade dos aspectos que se indican a continuación.',
      auditClean:
        'A última auditoría automática ({{pages}} páxinas) non atopou ningún incumprimento das WCAG 2.1 A/AA.',
      auditFound:
        'A última auditoría automática ({{pages}} páxinas) atopou {{count}} incumprimentos das WCAG 2.1 A/AA, que se indican a continuación.',
      auditItem: '{{owner}} ({{area}}): {{rule}}, en {{pages}} páxinas.',
      nonAccessibleTitle: 'Contido non accesible',
      nonAccessible: {
        audit:
          'Aínda non se realizou unha auditoría manual completa por persoas expertas nin probas con usuarios de tecnoloxías de apoio; a avaliación é automática e co teclado.',
        documents:
          'Os documentos que emiten as administracións (por exemplo, PDF de notificacións) son responsabilidade de cada organismo emisor e poden non ser accesibles.',
        services:
          'Os servizos das administracións participantes verifícanse ao incorporarse, pero poden cambiar despois da revisión.',
      },
      preparationTitle: 'Preparación da presente declaración',
      preparation:
        'Esta declaración preparouse o {{reviewed}}, data da última revisión. O método empregado foi unha autoavaliación: unha auditoría automática de {{pages}} páxinas con dous motores independentes (axe-core e HTML_CodeSniffer), un percorrido co teclado, a adaptación a 320 píxeles e o espazado do texto, ademais de percorridos completos só co teclado.',
      contactTitle: 'Observacións e datos de contacto',
      contact:
        'Pode realizar comunicacións sobre requisitos de accesibilidade (artigo 10.2.a do RD 1112/2018), por exemplo informar de calquera posible incumprimento ou solicitar información que non sexa accesible, a través do formulario de accesibilidade do portal ou escribindo a accesibilidad@carpeta.example. Recibirá resposta nun prazo máximo de 20 días hábiles.',
      reportLink: 'Comunicar un problema de accesibilidade',
      procedureTitle: 'Procedemento de aplicación',
      procedure:
        'Se, unha vez realizada unha solicitude de información accesible ou unha queixa, esta fose desestimada, non se estivese de acordo coa decisión adoptada ou a resposta non cumprise os requisitos do artigo 12.5 do RD 1112/2018, a persoa interesada poderá iniciar unha reclamación ante a unidade responsable de accesibilidade.',
    },
  },
};
