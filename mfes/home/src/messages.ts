import type { LazyCatalog, Localized } from '@carpeta/sdk';

const es = {
  title: 'Tu carpeta',
  titleFor: 'Carpeta de {{name}}',
  intro: 'Lo que las administraciones públicas tienen pendiente contigo, en un solo lugar.',
  pendingTitle: 'Resumen',
  loading: 'Consultando lo que tienes pendiente…',
  notifications: {
    title: 'Notificaciones',
    pending_one: 'Tienes {{count}} notificación pendiente de abrir.',
    pending_other: 'Tienes {{count}} notificaciones pendientes de abrir.',
    pending_zero: 'No tienes notificaciones pendientes.',
    urgent_one: '{{count}} es urgente.',
    urgent_other: '{{count}} son urgentes.',
    link: 'Ver notificaciones',
    partial: 'Falta información de: {{names}}. El recuento puede estar incompleto.',
    error: 'No hemos podido consultar tus notificaciones ahora.',
    retry: 'Reintentar',
  },
  attention: {
    title: 'Lo que necesita tu atención',
    asking: 'Consultando a las administraciones…',
    progress_one: 'Han respondido {{answered}} de {{total}} administraciones. {{count}} asunto hasta ahora.',
    progress_other:
      'Han respondido {{answered}} de {{total}} administraciones. {{count}} asuntos hasta ahora.',
    complete_one: 'Han respondido todas las administraciones: {{count}} asunto necesita tu atención.',
    complete_other: 'Han respondido todas las administraciones: {{count}} asuntos necesitan tu atención.',
    completeFailed_one:
      'Consulta terminada: {{count}} asunto necesita tu atención. No han respondido: {{names}}.',
    completeFailed_other:
      'Consulta terminada: {{count}} asuntos necesitan tu atención. No han respondido: {{names}}.',
    empty: 'Nada necesita tu atención ahora mismo.',
    listLabel: 'Asuntos que necesitan tu atención, por fecha',
    reason: {
      'notification-expiring': 'Notificación a punto de caducar',
      'file-requirement': 'Requerimiento en un expediente',
      'appointment-upcoming': 'Cita próxima',
      'document-expiring': 'Documento a punto de caducar',
    },
    due: {
      'notification-expiring': 'Caduca el {{date}} ({{relative}})',
      'file-requirement': 'Plazo hasta el {{date}} ({{relative}})',
      'appointment-upcoming': 'Cita el {{date}} ({{relative}})',
      'document-expiring': 'Caduca el {{date}} ({{relative}})',
    },
    open: 'Ir al asunto',
    openOf: 'Ir al asunto: {{title}}',
    failedTitle: 'Algunas administraciones no han respondido',
    failedBody: 'Lo que ves puede estar incompleto. No han respondido:',
    failed: {
      timeout: 'no responde a tiempo',
      unavailable: 'no está disponible',
      'invalid-response': 'ha respondido con datos no válidos',
    },
    retry: 'Volver a consultar',
    error: 'No hemos podido saber qué administraciones consultar.',
  },
  documents: {
    title: 'Documentos que caducan pronto',
    loading: 'Consultando tus documentos…',
    empty: 'Ninguno de tus documentos caduca pronto.',
    kind: {
      'identity-card': 'DNI',
      passport: 'Pasaporte',
      'driving-licence': 'Permiso de conducir',
      'vehicle-inspection': 'ITV del vehículo',
    },
    expires: 'Caduca el {{date}} ({{relative}})',
    renew: 'Renovar en la sede de {{name}}',
    newTab: '(se abre en una pestaña nueva, en el sitio de la administración)',
    partial: 'No hemos podido consultar: {{names}}. La lista puede estar incompleta.',
    error: 'No hemos podido consultar tus documentos ahora.',
    retry: 'Reintentar',
  },
  pins: {
    title: 'Favoritos',
    empty: 'Aún no tienes favoritos. Añade los asuntos que quieras tener a mano.',
    add: 'Añadir a favoritos',
    addOf: 'Añadir a favoritos: {{label}}',
    remove: 'Quitar de favoritos',
    removeOf: 'Quitar de favoritos: {{label}}',
    added: 'Añadido a favoritos: {{label}}',
    removed: 'Quitado de favoritos: {{label}}',
    failed: 'No hemos podido guardar el cambio en tus favoritos: {{message}}',
    error: 'No hemos podido cargar tus favoritos.',
    retry: 'Reintentar',
  },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type HomeMessages = Localized<typeof es>;

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
