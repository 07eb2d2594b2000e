import type { LazyCatalog, Localized } from '@carpeta/sdk';

const es = {
  title: 'Avisos',
  intro:
    'Elige cómo quieres que te avisemos de lo que te espera en la Carpeta. Por ley, los avisos nunca incluyen el contenido: solo te dicen que tienes algo pendiente y dónde verlo.',
  loading: 'Cargando…',
  loadError: 'No hemos podido cargar tus avisos.',
  retry: 'Reintentar',
  errorSummary: 'Hay un problema',
  sendError: 'No hemos podido guardar el cambio. Inténtalo de nuevo.',
  events: {
    'notification-new': 'Notificación nueva',
    'notification-expiring': 'Notificación a punto de caducar',
    'file-requirement': 'Expediente que necesita tu respuesta',
    'appointment-reminder': 'Recordatorio de cita (el día antes)',
    'document-expiring': 'Documento a punto de caducar (DNI, pasaporte, permiso de conducir)',
    'ticket-answered': 'Respuesta a una incidencia registrada con Ada',
  },
  channels: {
    email: 'Correo electrónico',
    sms: 'SMS',
    push: 'Notificación en el móvil',
    portal: 'En la Carpeta',
  },
  device: {
    title: 'Avisos en este dispositivo',
    intro:
      'Si activas los avisos aquí, este dispositivo te mostrará una notificación cuando tengas algo pendiente en la Carpeta (marca «Notificación en el móvil» en los avisos que quieras). Nunca incluyen el contenido.',
    state: {
      on: 'Los avisos están activados en este dispositivo.',
      off: 'Los avisos están desactivados en este dispositivo.',
      denied:
        'Este navegador tiene bloqueadas las notificaciones de la Carpeta. Puedes permitirlas en la configuración del navegador.',
      unsupported: 'Este navegador no puede mostrar avisos de la Carpeta.',
    },
    enable: 'Activar avisos en este dispositivo',
    disable: 'Desactivar avisos en este dispositivo',
    test: 'Enviarme un aviso de prueba',
    notice: {
      enabled: 'Avisos activados en este dispositivo.',
      disabled: 'Avisos desactivados en este dispositivo.',
      tested: 'Te hemos enviado un aviso de prueba.',
      denied: 'No has dado permiso para mostrar notificaciones.',
      failed: 'No hemos podido hacer el cambio. Inténtalo de nuevo.',
    },
  },
  preferences: {
    title: 'Qué avisos recibir',
    hint: 'Marca, para cada tipo de aviso, por qué medios quieres recibirlo.',
    pushHint: 'Las notificaciones en el móvil llegarán cuando instales la Carpeta como aplicación.',
    save: 'Guardar preferencias',
    saving: 'Guardando…',
    saved: 'Preferencias guardadas.',
    needsEmail: '{{event}}: para recibirlo por correo electrónico, verifica antes una dirección de correo',
    needsPhone: '{{event}}: para recibirlo por SMS, verifica antes un número de móvil',
  },
  contacts: {
    title: 'Datos de contacto',
    intro:
      'Te enviamos un código de 6 dígitos para comprobar que el correo o el móvil son tuyos. No los usamos hasta que los verifiques.',
    email: 'Correo electrónico',
    emailHint: 'Por ejemplo, nombre@ejemplo.es',
    emailError: 'Escribe un correo electrónico válido, como nombre@ejemplo.es',
    phone: 'Teléfono móvil',
    phoneHint: 'Un móvil español de 9 cifras, por ejemplo 612 345 678',
    phoneError: 'Escribe un móvil español de 9 cifras que empiece por 6 o 7',
    sendCode: 'Enviar código',
    code: 'Código de verificación',
    codeHint: 'Lo hemos enviado a {{value}}. Caduca a los 10 minutos.',
    codeError: 'Escribe los 6 dígitos del código',
    verify: 'Verificar',
    resend: 'Enviar otro código',
    codeSent: 'Te hemos enviado un código a {{value}}.',
    verified: 'Verificado',
    verifiedOn: '{{value}}, verificado',
    remove: 'Quitar {{what}}',
    removed: 'Hemos quitado el dato de contacto.',
    change: 'Cambiar {{what}}',
    tooSoon: 'Acabamos de enviarte un código. Espera un poco antes de pedir otro.',
    notSent: 'No hemos podido enviar el código ahora. Inténtalo dentro de unos minutos.',
  },
  inbox: {
    title: 'Tus avisos en la Carpeta',
    empty: 'No tienes avisos.',
    unread: 'Sin leer',
    open: 'Ver',
    markRead: 'Marcar como leído: {{event}}',
    received: 'Recibido el {{date}}',
  },
  history: {
    title: 'Historial de cambios',
    intro: 'Guardamos cada cambio de tus avisos y datos de contacto.',
    empty: 'Todavía no has cambiado nada.',
    when: 'Fecha',
    what: 'Cambio',
    detail: 'Detalle',
    actions: {
      'preferences-changed': 'Preferencias cambiadas',
      'contact-added': 'Dato de contacto añadido',
      'code-sent': 'Código enviado',
      'contact-verified': 'Dato de contacto verificado',
      'code-failed': 'Código incorrecto',
      'contact-removed': 'Dato de contacto quitado',
    },
  },
};

export type AlertsMessages = Localized<typeof es>;

/**
 * Spanish in the MFE's code; every other language a chunk of its own, loaded for a reader of it
 * (the gateway hints it on a page in that language).
 */
export const messages = {
  es,
  ca: () => import('./messages/ca.ts').then((module) => module.ca),
  gl: () => import('./messages/gl.ts').then((module) => module.gl),
  eu: () => import('./messages/eu.ts').then((module) => module.eu),
  va: () => import('./messages/va.ts').then((module) => module.va),
  en: () => import('./messages/en.ts').then((module) => module.en),
} satisfies LazyCatalog<typeof es>;
