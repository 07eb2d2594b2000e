import type { LazyCatalog, Localized } from '@carpeta/sdk';

const es = {
  title: 'Notificaciones',
  intro:
    'Notificaciones y comunicaciones que las administraciones han puesto a tu disposición en tu dirección electrónica.',
  legalNote:
    'Acceder al contenido de una notificación equivale a darte por notificado. Si no accedes en 10 días naturales desde su puesta a disposición, se entiende rechazada.',
  loading: 'Cargando notificaciones…',
  empty: {
    title: 'No tienes notificaciones',
    body: 'Cuando una administración te notifique algo, aparecerá aquí.',
  },
  listLabel: 'Tus notificaciones',
  columns: {
    subject: 'Asunto',
    issuer: 'Organismo emisor',
    availableAt: 'Puesta a disposición',
    status: 'Estado',
  },
  status: { pending: 'Pendiente', accepted: 'Aceptada', rejected: 'Rechazada', expired: 'Caducada' },
  kind: { notification: 'Notificación', communication: 'Comunicación' },
  urgent: 'Urgente',
  expiresOn: 'Caduca el {{date}}',
  daysLeft_one: 'Queda {{count}} día para acceder',
  daysLeft_other: 'Quedan {{count}} días para acceder',
  lastDay: 'Último día para acceder',
  filters: {
    title: 'Filtrar notificaciones',
    issuer: 'Administración',
    anyIssuer: 'Todas las administraciones',
    status: 'Estado',
    anyStatus: 'Todos los estados',
    from: 'Puestas a disposición desde',
    to: 'Hasta',
    q: 'Buscar en el asunto',
    apply: 'Aplicar filtros',
    clear: 'Quitar filtros',
    invalidRange: 'La fecha «desde» no puede ser posterior a la fecha «hasta».',
  },
  results_one: '{{count}} notificación',
  results_other: '{{count}} notificaciones',
  unread_one: '{{count}} pendiente de leer',
  unread_other: '{{count}} pendientes de leer',
  noResults: {
    title: 'Ninguna notificación coincide con los filtros',
    body: 'Prueba con otros filtros o quítalos para ver todas.',
  },
  pagination: {
    label: 'Páginas de notificaciones',
    previous: 'Anterior',
    next: 'Siguiente',
    page: 'Página {{page}}',
  },
  act: {
    title: 'Antes de acceder al contenido',
    body: 'Acceder al contenido es un acto con efectos jurídicos (comparecencia, arts. 41 y 43 de la Ley 39/2015): quedarás notificado en este momento y desde hoy empiezan a contar los plazos. Quedará constancia de la fecha y la hora, de quién accede y desde qué dirección, y recibirás un justificante.',
    communicationBody:
      'Es una comunicación informativa: acceder a ella no abre plazos, pero quedará constancia de la fecha y la hora y recibirás un justificante.',
    deadline: 'Si no accedes antes del {{date}}, se entenderá rechazada y el procedimiento seguirá.',
    actingFor: 'Actúas en nombre de {{name}}: el acto quedará registrado a tu nombre en su representación.',
    accept: 'Confirmo: acceder al contenido',
    reject: 'Rechazar la notificación',
    working: 'Registrando el acto…',
    rejectTitle: '¿Rechazar la notificación?',
    rejectBody:
      'Rechazarla tiene los mismos efectos que haberla recibido: el trámite se da por efectuado y el procedimiento sigue. Después no podrás acceder a su contenido desde aquí.',
    rejectConfirm: 'Sí, rechazar',
    cancel: 'Cancelar',
    failedTitle: 'No se ha podido completar el acto',
    accepted: 'Has accedido a la notificación. Ya puedes ver su contenido.',
    rejected: 'Has rechazado la notificación.',
    expired:
      'Esta notificación caducó sin que accedieras: se entiende rechazada y su contenido ya no está disponible aquí.',
  },
  content: {
    title: 'Contenido',
    documents: 'Documentos',
    download: 'Descargar «{{title}}» (PDF)',
    unavailable: 'El organismo no ha podido entregar el contenido ahora. Vuelve a intentarlo más tarde.',
    receiptTitle: 'Justificante',
    receipt: 'Descargar el justificante (PDF)',
    receiptCode: 'Código seguro de verificación: {{code}}',
  },
  sources: {
    partialTitle: 'Faltan notificaciones de algún organismo',
    partialBody:
      'No hemos podido consultar: {{names}}. Lo que ves puede estar incompleto; vuelve a intentarlo más tarde.',
    timeout: 'no responde a tiempo',
    unavailable: 'no está disponible',
    'invalid-response': 'ha respondido con datos no válidos',
    retry: 'Volver a consultar',
  },
  error: {
    title: 'No hemos podido cargar tus notificaciones',
    retry: 'Reintentar',
  },
  detail: {
    title: 'Datos de la notificación',
    back: 'Volver a notificaciones',
    notFoundTitle: 'Notificación no encontrada',
    notFoundBody: 'No existe ninguna notificación con esa referencia a tu nombre.',
    fields: {
      kind: 'Tipo',
      issuer: 'Organismo emisor',
      dir3: 'Código DIR3',
      procedure: 'Procedimiento',
      fileReference: 'Expediente',
      status: 'Estado',
      availableAt: 'Puesta a disposición',
      expiresAt: 'Fecha de caducidad',
      respondedAt: 'Fecha de respuesta',
      urgent: 'Urgencia',
      reference: 'Referencia',
    },
    notProvided: 'No indicado',
    urgentYes: 'Urgente',
    urgentNo: 'Ordinaria',
    noExpiry: 'No caduca (comunicación)',
  },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type NotificationsMessages = Localized<typeof es>;

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
