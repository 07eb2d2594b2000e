import type { MessageCatalog } from '@carpeta/sdk';

/** The shell's own words. Each MFE carries its own; none is hard-coded in a component. */
export const messages = {
  es: {
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
      bodyAny:
        'Esta página es de tu Carpeta y contiene información personal. Identifícate y volverás a ella.',
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
      timeoutBody:
        'Este servicio está tardando demasiado en responder. El resto del portal sigue funcionando.',
      retry: 'Reintentar',
      errorReference: 'Referencia del error: {{id}}',
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
      roadmap: { title: 'Hoja de ruta' },
      feedback: { title: 'Opinión y sugerencias' },
    },
  },
  en: {
    portalName: 'Citizen Folder',
    skipToContent: 'Skip to main content',
    primaryNavigation: 'Main navigation',
    navUnread_one: '{{count}} unread',
    navUnread_other: '{{count}} unread',
    menu: 'Menu',
    language: 'Language',
    footerNavigation: 'About the portal',
    appearance: {
      label: 'Appearance',
      system: 'As the device',
      light: 'Light',
      dark: 'Dark',
      'high-contrast': 'High contrast',
    },
    userArea: {
      signIn: 'Sign in',
      signOut: 'Sign out',
      previousAccess: 'Last access: {{at}} with {{method}}',
      firstAccess: 'This is your first access',
    },
    methods: {
      'clave-movil': 'Cl@ve Móvil',
      'clave-pin': 'Cl@ve PIN',
      'clave-permanente': 'Cl@ve permanente',
      certificate: 'electronic certificate',
      dnie: 'DNIe',
    },
    loa: { low: 'low level', substantial: 'substantial level', high: 'high level' },
    actingFor: {
      choose: 'Act on behalf of…',
      title: 'Act on behalf of someone else',
      legend: 'Whose folder do you want to see?',
      self: 'Myself: {{name}}',
      kind: {
        general: 'General power for any procedure, valid until: {{until}}',
        organisation: 'Power before {{organisation}}, valid until: {{until}}',
        procedures: 'Power for specific procedures before {{organisation}}, valid until: {{until}}',
      },
      noEnd: 'no end date',
      none: 'You hold no power of attorney in force in the Electronic Register of Powers of Attorney.',
      loading: 'Looking up your powers of attorney…',
      unavailable:
        'We could not consult the Electronic Register of Powers of Attorney. Please try again later.',
      failed: 'That could not be changed. Please try again.',
      confirm: 'Switch',
      cancel: 'Cancel',
      close: 'Close',
      banner: 'You are acting on behalf of {{name}} ({{id}})',
      bannerCompany: 'You are acting on behalf of the company {{name}} ({{id}})',
      back: 'Back to my folder',
    },
    notices: {
      representationEndedTitle: 'You no longer act on behalf of someone else',
      representationEnded:
        'The power of attorney you were using is no longer valid (revoked or expired). You are seeing your own folder.',
      signInFailedTitle: 'You could not be signed in',
      signin: {
        cancelled: 'You cancelled the sign-in. You can try again whenever you like.',
        failed: 'The sign-in was not completed. Please try again.',
        throttled:
          'There have been too many failed attempts. For your security, wait a few minutes before trying again.',
        unavailable: 'The sign-in service is not available right now. Please try again in a few minutes.',
        insufficient:
          'This service needs an electronic certificate or DNIe; the method you chose is not strong enough.',
      },
    },
    expiry: {
      title: 'Your session is about to end',
      body: 'For your security, your session will end in {{remaining}} if you do nothing.',
      extend: 'Stay signed in',
    },
    stepUp: {
      title: '{{title}} needs a stronger sign-in',
      body: 'To see this service, sign in with an electronic certificate or DNIe (high level). You will come back to this page.',
      action: 'Sign in with a certificate or DNIe',
    },
    landing: {
      title: 'Your Citizen Folder',
      lead: 'One place to see and act on what public administrations hold about you.',
      points: {
        notifications: 'Your notifications from any administration, with their deadlines.',
        files: 'Your open files and your appointments.',
        data: 'Your personal data and proofs, and who has consulted them.',
        representation: 'The matters of the people or companies you represent.',
      },
      signIn: 'Sign in',
      howTitle: 'How to sign in',
      howBody: 'Use the Cl@ve system or an electronic certificate:',
      methods: {
        'clave-movil': 'Cl@ve Móvil, from the app on your phone (substantial level).',
        'clave-pin': 'Cl@ve PIN, with a single-use code (substantial level).',
        'clave-permanente': 'Cl@ve permanente, with user, password and SMS code (substantial level).',
        certificate: 'Electronic certificate (high level).',
        dnie: 'Electronic identity card, DNIe (high level).',
      },
      moreTitle: 'More information',
    },
    signInRequired: {
      title: 'Sign in to see {{title}}',
      body: '{{title}} holds personal information. Sign in and you will come back to this page.',
      titleAny: 'Sign in to continue',
      bodyAny:
        'This page is part of your folder and holds personal information. Sign in and you will come back to it.',
      expiredTitle: 'Your session has ended',
      expiredBody: 'For your security we ended your session. Sign in again to carry on where you were.',
    },
    footer: {
      accessibility: 'Accessibility statement',
      roadmap: 'Roadmap',
      feedback: 'Feedback',
      owner: 'Carpeta is an open citizen portal.',
    },
    mfe: {
      loading: 'Loading {{title}}…',
      loadErrorTitle: '{{title}} is not available right now',
      loadErrorBody:
        'We could not load this service. The rest of the portal keeps working. You can try again now or later.',
      mountErrorBody:
        'This service failed to start. The rest of the portal keeps working. You can try again.',
      timeoutBody: 'This service is taking too long to respond. The rest of the portal keeps working.',
      retry: 'Try again',
      errorReference: 'Error reference: {{id}}',
      errorProvider: 'A service of {{owner}}, built with {{framework}} (version {{version}}).',
      framework: { react: 'React', angular: 'Angular', vanilla: 'plain JavaScript' },
    },
    manifest: {
      unavailableTitle: 'We cannot show the services',
      unavailableBody:
        'We could not get the list of the portal’s services. Please try again in a few minutes.',
      rejectedTitle: 'Some services could not be added',
      rejectedBody: 'The following services have an invalid configuration and were left out:',
      rejectedDetails: 'Technical details',
      residenceTitle: 'Services of your region or city council may be missing',
      residenceBody:
        'We could not look up where you live ({{name}}): you now see only the services for all of Spain. Those of your autonomous community and your city council will appear again as soon as it answers.',
    },
    pages: {
      notFound: {
        title: 'Page not found',
        body: 'The address does not match any page of the portal. If you typed it, check that it is correct.',
        home: 'Go to the home page',
      },
      accessibility: { title: 'Accessibility statement' },
      roadmap: { title: 'Roadmap' },
      feedback: { title: 'Feedback' },
    },
  },
} satisfies MessageCatalog;

/** Each language's name written in that language, as a language selector must show it. */
export const LANGUAGE_NAMES = { es: 'Español', en: 'English' } as const;
