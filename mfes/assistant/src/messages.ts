import type { LazyCatalog, Localized } from '@carpeta/sdk';

// Ada speaks the portal's six languages: Spanish here, the others in messages/<language>.ts.
const es = {
  title: 'Ada, tu asistente',
  intro: 'Pregunta lo que necesites sobre tu carpeta y los servicios de las administraciones públicas.',
  welcome: 'Hola, soy Ada. Escribe tu pregunta en castellano, català, galego, euskara, valencià o English.',
  logLabel: 'Conversación con Ada',
  you: 'Tú',
  ada: 'Ada',
  inputLabel: 'Escribe tu pregunta',
  send: 'Enviar',
  thinking: 'Ada está escribiendo…',
  error: 'No he podido responder ahora. Inténtalo de nuevo.',
  rateLimited: 'Has hecho muchas preguntas seguidas. Espera un minuto e inténtalo de nuevo.',
  helpful: 'Me ha servido',
  notHelpful: 'No me ha servido',
  feedbackThanks: 'Gracias por tu valoración.',
  call060: 'Llamar al 060',
  contactForm: 'Formulario de contacto',
  signIn: 'Identifícate',
  services: 'Servicios encontrados',
  openPanel: 'Abrir Ada en página completa',
  incident: {
    summary: 'Resumen de la incidencia',
    category: 'Sobre qué',
    administration: 'Administración',
    tried: 'Qué intentaste',
    errorSeen: 'Error que viste',
    file: 'Registrar la incidencia',
    cancel: 'Cancelar la incidencia',
    cancelled: 'Incidencia cancelada.',
    filed:
      'He registrado tu incidencia con la referencia {{reference}}. Puedes seguir su estado en Mis incidencias.',
    failed: 'No he podido registrar la incidencia. Inténtalo de nuevo.',
    restored: 'Seguimos con la incidencia que habías empezado.',
  },
  tickets: {
    title: 'Mis incidencias',
    empty: 'No has registrado ninguna incidencia.',
    loading: 'Cargando tus incidencias…',
    error: 'No hemos podido cargar tus incidencias ahora.',
    retry: 'Reintentar',
    reference: 'Referencia',
    category: 'Sobre qué',
    status: 'Estado',
    date: 'Fecha',
    answer: 'Respuesta',
    noAnswer: 'Todavía no hay respuesta.',
    statuses: { open: 'Abierta', 'in-progress': 'En curso', resolved: 'Resuelta', closed: 'Cerrada' },
  },
  categories: {
    'sign-in': 'Identificación',
    notifications: 'Notificaciones',
    appointments: 'Citas',
    'my-data': 'Mis datos',
    registry: 'Registro',
    other: 'Otro',
  },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type AssistantMessages = Localized<typeof es>;

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
