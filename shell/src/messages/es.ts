/** The shell's own words in Spanish: the reference every other language is checked against. */
export const es = {
  portalName: 'Carpeta Ciudadana',
  skipToContent: 'Saltar al contenido principal',
  primaryNavigation: 'Navegación principal',
  navUnread_one: '{{count}} sin leer',
  navUnread_other: '{{count}} sin leer',
  menu: 'Menú',
  language: 'Idioma',
  footerNavigation: 'Información del portal',
  appearance: {
    label: 'Apariencia',
    system: 'Según el dispositivo',
    light: 'Clara',
    dark: 'Oscura',
    'high-contrast': 'Alto contraste',
  },
  userArea: {
    signIn: 'Identificarse',
    signOut: 'Cerrar sesión',
    previousAccess: 'Último acceso: {{at}} con {{method}}',
    firstAccess: 'Es tu primer acceso',
  },
  methods: {
    'clave-movil': 'Cl@ve Móvil',
    'clave-pin': 'Cl@ve PIN',
    'clave-permanente': 'Cl@ve permanente',
    certificate: 'certificado electrónico',
    dnie: 'DNIe',
  },
  loa: { low: 'nivel bajo', substantial: 'nivel sustancial', high: 'nivel alto' },
  actingFor: {
    choose: 'Actuar en nombre de…',
    title: 'Actuar en nombre de otra persona',
    legend: '¿De quién quieres ver la carpeta?',
    self: 'Yo mismo: {{name}}',
    kind: {
      general: 'Poder general para cualquier trámite, válido hasta: {{until}}',
      organisation: 'Poder ante {{organisation}}, válido hasta: {{until}}',
      procedures: 'Poder para trámites concretos ante {{organisation}}, válido hasta: {{until}}',
    },
    noEnd: 'sin fecha de fin',
    none: 'No tienes poderes de representación en vigor en el Registro Electrónico de Apoderamientos.',
    loading: 'Consultando tus poderes de representación…',
    unavailable:
      'No hemos podido consultar el Registro Electrónico de Apoderamientos. Inténtalo de nuevo más tarde.',
    failed: 'No se ha podido cambiar. Inténtalo de nuevo.',
    confirm: 'Cambiar',
    cancel: 'Cancelar',
    close: 'Cerrar',
    banner: 'Estás actuando en nombre de {{name}} ({{id}})',
    bannerCompany: 'Estás actuando en representación de la empresa {{name}} ({{id}})',
    back: 'Volver a mi carpeta',
  },
  notices: {
    representationEndedTitle: 'Ya no actúas en nombre de otra persona',
    representationEnded:
      'El poder de representación que usabas ya no es válido (revocado o caducado). Estás viendo tu propia carpeta.',
    signInFailedTitle: 'No se ha podido iniciar sesión',
    signin: {
      cancelled: 'Has cancelado la identificación. Puedes volver a intentarlo cuando quieras.',
      failed: 'La identificación no se ha completado. Vuelve a intentarlo.',
      throttled:
        'Ha habido demasiados intentos fallidos. Por seguridad, espera unos minutos antes de volver a intentarlo.',
      unavailable: 'El servicio de identificación no está disponible ahora. Inténtalo en unos minutos.',
      insufficient:
        'Este servicio necesita un certificado electrónico o DNIe; el método elegido no tiene nivel suficiente.',
    },
  },
  expiry: {
    title: 'Tu sesión va a caducar',
    body: 'Por seguridad, tu sesión se cerrará en {{remaining}} si no haces nada.',
    extend: 'Seguir conectado',
  },
  stepUp: {
    title: '{{title}} necesita una identificación más segura',
    body: 'Para ver este servicio tienes que identificarte con certificado electrónico o DNIe (nivel alto). Volverás a esta página.',
    action: 'Identificarme con certificado o DNIe',
  },
  landing: {
    title: 'Tu Carpeta Ciudadana',
    lead: 'Un único lugar para ver y gestionar lo que las administraciones públicas tienen sobre ti.',
    points: {
      notifications: 'Tus notificaciones de cualquier administración, con sus plazos.',
      files: 'Tus expedientes abiertos y tus citas.',
      data: 'Tus datos personales y justificantes, y quién los ha consultado.',
      representation: 'Los trámites de las personas o empresas a las que representas.',
    },
    signIn: 'Identificarme',
    howTitle: 'Cómo identificarte',
    howBody: 'Usa el sistema Cl@ve o un certificado electrónico:',
    methods: {
      'clave-movil': 'Cl@ve Móvil, desde la aplicación de tu móvil (nivel sustancial).',
      'clave-pin': 'Cl@ve PIN, con un código de un solo uso (nivel sustancial).',
      'clave-permanente': 'Cl@ve permanente, con usuario, contraseña y código SMS (nivel sustancial).',
      certificate: 'Certificado electrónico (nivel alto).',
      dnie: 'DNI electrónico (nivel alto).',
    },
    moreTitle: 'Más información',
  },
  signInRequired: {
    title: 'Identifícate para ver {{title}}',
    body: '{{title}} contiene información personal. Identifícate y volverás a esta página.',
    titleAny: 'Identifícate para continuar',
    bodyAny: 'Esta página es de tu Carpeta y contiene información personal. Identifícate y volverás a ella.',
    expiredTitle: 'Tu sesión ha caducado',
    expiredBody:
      'Por seguridad hemos cerrado tu sesión. Vuelve a identificarte para continuar donde estabas.',
  },
  footer: {
    accessibility: 'Declaración de accesibilidad',
    roadmap: 'Hoja de ruta',
    feedback: 'Opinión y sugerencias',
    owner: 'Carpeta es un portal abierto de la ciudadanía.',
  },
  mfe: {
    loading: 'Cargando {{title}}…',
    loadErrorTitle: '{{title}} no está disponible ahora',
    loadErrorBody:
      'No hemos podido cargar este servicio. El resto del portal sigue funcionando. Puedes reintentarlo ahora o más tarde.',
    mountErrorBody:
      'Este servicio ha fallado al iniciarse. El resto del portal sigue funcionando. Puedes reintentarlo.',
    timeoutBody: 'Este servicio está tardando demasiado en responder. El resto del portal sigue funcionando.',
    retry: 'Reintentar',
    errorReference: 'Referencia del error: {{id}}',
    errorCode: 'Código del error: {{code}}',
    errorProvider: 'Servicio de {{owner}}, hecho con {{framework}} (versión {{version}}).',
    framework: { react: 'React', angular: 'Angular', vanilla: 'JavaScript sin framework' },
  },
  manifest: {
    unavailableTitle: 'No podemos mostrar los servicios',
    unavailableBody:
      'No hemos podido obtener la lista de servicios del portal. Vuelve a intentarlo en unos minutos.',
    rejectedTitle: 'Algunos servicios no se han podido incorporar',
    rejectedBody: 'Los siguientes servicios tienen una configuración no válida y se han omitido:',
    rejectedDetails: 'Detalles técnicos',
    residenceTitle: 'Puede que falten servicios de tu comunidad o tu ayuntamiento',
    residenceBody:
      'No hemos podido consultar tu lugar de residencia ({{name}}): ahora ves solo los servicios de toda España. Los de tu comunidad autónoma y tu ayuntamiento volverán a aparecer en cuanto responda.',
  },
  pages: {
    notFound: {
      title: 'Página no encontrada',
      body: 'La dirección no corresponde a ninguna página del portal. Si la has escrito, comprueba que es correcta.',
      home: 'Ir a la página de inicio',
    },
    accessibility: { title: 'Declaración de accesibilidad' },
  },
};
