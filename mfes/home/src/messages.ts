import type { MessageCatalog } from '@carpeta/sdk';

export const messages = {
  es: {
    title: 'Tu carpeta',
    titleFor: 'Carpeta de {{name}}',
    intro: 'Lo que las administraciones públicas tienen pendiente contigo, en un solo lugar.',
    pendingTitle: 'Pendiente',
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
  },
  en: {
    title: 'Your folder',
    titleFor: 'Folder of {{name}}',
    intro: 'What public administrations have pending with you, in one place.',
    pendingTitle: 'Pending',
    loading: 'Checking what you have pending…',
    notifications: {
      title: 'Notifications',
      pending_one: 'You have {{count}} notification waiting to be opened.',
      pending_other: 'You have {{count}} notifications waiting to be opened.',
      pending_zero: 'You have no pending notifications.',
      urgent_one: '{{count}} is urgent.',
      urgent_other: '{{count}} are urgent.',
      link: 'See notifications',
      partial: 'Information is missing from: {{names}}. The count may be incomplete.',
      error: 'We could not check your notifications right now.',
      retry: 'Try again',
    },
  },
} satisfies MessageCatalog;
