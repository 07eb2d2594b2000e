import type { Catalog, Localized } from '@carpeta/sdk';
import { ca } from './messages/ca.ts';
import { eu } from './messages/eu.ts';
import { gl } from './messages/gl.ts';
import { va } from './messages/va.ts';

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

const en: NotificationsMessages = {
  title: 'Notifications',
  intro:
    'Notifications and communications that administrations have made available at your electronic address.',
  legalNote:
    'Opening a notification’s content counts as being notified. If you do not open it within 10 calendar days of it being made available, it is deemed rejected.',
  loading: 'Loading notifications…',
  empty: {
    title: 'You have no notifications',
    body: 'When an administration notifies you of something, it will show here.',
  },
  listLabel: 'Your notifications',
  columns: { subject: 'Subject', issuer: 'Issuing body', availableAt: 'Made available', status: 'Status' },
  status: { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired' },
  kind: { notification: 'Notification', communication: 'Communication' },
  urgent: 'Urgent',
  expiresOn: 'Expires on {{date}}',
  daysLeft_one: '{{count}} day left to open it',
  daysLeft_other: '{{count}} days left to open it',
  lastDay: 'Last day to open it',
  filters: {
    title: 'Filter notifications',
    issuer: 'Administration',
    anyIssuer: 'All administrations',
    status: 'Status',
    anyStatus: 'All statuses',
    from: 'Made available from',
    to: 'To',
    q: 'Search the subject',
    apply: 'Apply filters',
    clear: 'Clear filters',
    invalidRange: 'The “from” date cannot be later than the “to” date.',
  },
  results_one: '{{count}} notification',
  results_other: '{{count}} notifications',
  unread_one: '{{count}} unread',
  unread_other: '{{count}} unread',
  noResults: {
    title: 'No notification matches the filters',
    body: 'Try other filters, or clear them to see all.',
  },
  pagination: {
    label: 'Notification pages',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {{page}}',
  },
  act: {
    title: 'Before you open the content',
    body: 'Opening the content is a legal act (Law 39/2015, arts. 41 and 43): you are notified from this moment and any time limits start today. The date and time, who opens it and from which address are recorded, and you get a proof of receipt.',
    communicationBody:
      'This is an informative communication: opening it starts no time limit, but the date and time are recorded and you get a proof of receipt.',
    deadline: 'If you do not open it before {{date}}, it is deemed rejected and the procedure goes on.',
    actingFor: 'You are acting for {{name}}: the act is recorded in your name on their behalf.',
    accept: 'I confirm: open the content',
    reject: 'Reject the notification',
    working: 'Recording the act…',
    rejectTitle: 'Reject the notification?',
    rejectBody:
      'Rejecting it has the same effect as receiving it: the step is deemed done and the procedure goes on. You will not be able to open its content here afterwards.',
    rejectConfirm: 'Yes, reject',
    cancel: 'Cancel',
    failedTitle: 'The act could not be completed',
    accepted: 'You have opened the notification. Its content is below.',
    rejected: 'You have rejected the notification.',
    expired:
      'This notification expired without being opened: it is deemed rejected and its content is no longer available here.',
  },
  content: {
    title: 'Content',
    documents: 'Documents',
    download: 'Download “{{title}}” (PDF)',
    unavailable: 'The issuing body could not deliver the content right now. Please try again later.',
    receiptTitle: 'Proof of receipt',
    receipt: 'Download the proof of receipt (PDF)',
    receiptCode: 'Secure verification code: {{code}}',
  },
  sources: {
    partialTitle: 'Notifications from some bodies are missing',
    partialBody: 'We could not reach: {{names}}. What you see may be incomplete; please try again later.',
    timeout: 'did not answer in time',
    unavailable: 'is not available',
    'invalid-response': 'answered with invalid data',
    retry: 'Check again',
  },
  error: {
    title: 'We could not load your notifications',
    retry: 'Try again',
  },
  detail: {
    title: 'Notification details',
    back: 'Back to notifications',
    notFoundTitle: 'Notification not found',
    notFoundBody: 'There is no notification with that reference in your name.',
    fields: {
      kind: 'Type',
      issuer: 'Issuing body',
      dir3: 'DIR3 code',
      procedure: 'Procedure',
      fileReference: 'File',
      status: 'Status',
      availableAt: 'Made available',
      expiresAt: 'Expiry date',
      respondedAt: 'Answered on',
      urgent: 'Urgency',
      reference: 'Reference',
    },
    notProvided: 'Not given',
    urgentYes: 'Urgent',
    urgentNo: 'Ordinary',
    noExpiry: 'Does not expire (communication)',
  },
};

export const messages = { es, ca, gl, eu, va, en } satisfies Catalog<typeof es>;
