import type { MessageCatalog } from '@carpeta/sdk';

export const messages = {
  es: {
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
  },
  en: {
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
  },
} satisfies MessageCatalog;
