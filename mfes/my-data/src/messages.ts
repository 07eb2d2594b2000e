import type { MessageCatalog } from '@carpeta/sdk';

export const messages = {
  es: {
    title: 'Mis datos',
    intro:
      'Los datos personales que las administraciones públicas tienen sobre ti, tal como los da la Plataforma de Intermediación de Datos.',
    loading: 'Cargando tus datos…',
    themesLabel: 'Temas',
    tabLabel: '{{theme}} ({{count}})',
    theme: {
      identity: 'Identidad y residencia',
      education: 'Educación',
      work: 'Empleo y prestaciones',
      family: 'Familia y servicios sociales',
      vehicles: 'Vehículos y transporte',
      tax: 'Datos tributarios',
    },
    themeEmpty: 'No hay datos de este tema a tu nombre.',
    issuer: 'Lo tiene: {{name}}',
    retrievedAt: 'Obtenido el {{date}}',
    stale: 'No actualizado',
    staleBody: 'No hemos podido actualizar este dato: se muestra el último valor obtenido, del {{date}}.',
    refresh: 'Actualizar',
    refreshing: 'Actualizando…',
    refreshContext: ': {{title}}',
    refreshed: 'Dato actualizado.',
    refreshFailedTitle: 'No se ha podido actualizar',
    sources: {
      partialTitle: 'No hemos podido consultar todos tus datos',
      partialBody:
        'No hemos podido consultar: {{names}}. Lo que ves puede ser el último valor obtenido o estar incompleto.',
      timeout: 'no responde a tiempo',
      unavailable: 'no está disponible',
      'invalid-response': 'ha respondido con datos no válidos',
      retry: 'Volver a consultar',
    },
    empty: {
      title: 'No hay datos a tu nombre',
      body: 'Ninguna administración ha puesto a disposición datos tuyos todavía.',
    },
    error: { title: 'No hemos podido cargar tus datos', retry: 'Reintentar' },
  },
  en: {
    title: 'My data',
    intro:
      'The personal data public administrations hold about you, as the Data Intermediation Platform gives it.',
    loading: 'Loading your data…',
    themesLabel: 'Themes',
    tabLabel: '{{theme}} ({{count}})',
    theme: {
      identity: 'Identity and residence',
      education: 'Education',
      work: 'Work and benefits',
      family: 'Family and social services',
      vehicles: 'Vehicles and transport',
      tax: 'Tax data',
    },
    themeEmpty: 'There is no data of this theme in your name.',
    issuer: 'Held by: {{name}}',
    retrievedAt: 'Retrieved on {{date}}',
    stale: 'Not refreshed',
    staleBody: 'We could not refresh this data: it shows the last value retrieved, on {{date}}.',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    refreshContext: ': {{title}}',
    refreshed: 'Data refreshed.',
    refreshFailedTitle: 'It could not be refreshed',
    sources: {
      partialTitle: 'We could not retrieve all your data',
      partialBody:
        'We could not reach: {{names}}. What you see may be the last value retrieved, or incomplete.',
      timeout: 'did not answer in time',
      unavailable: 'is not available',
      'invalid-response': 'answered with invalid data',
      retry: 'Check again',
    },
    empty: {
      title: 'There is no data in your name',
      body: 'No administration has made data about you available yet.',
    },
    error: { title: 'We could not load your data', retry: 'Try again' },
  },
} satisfies MessageCatalog;
