import type { LazyCatalog, Localized } from '@carpeta/sdk';

const es = {
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
  proof: 'Descargar certificado (PDF)',
  export: 'Descargar todo lo que la Carpeta muestra de ti (ZIP con JSON y CSV)',
  exportRunning: 'Preparando la descarga: {{kb}} KB recibidos…',
  exportDone: 'Descarga lista ({{kb}} KB).',
  exportFailedTitle: 'No se ha podido descargar',
  exportFailedBody: 'La descarga se ha interrumpido. Inténtalo de nuevo dentro de un momento.',
  verifyLink: 'Cómo comprobar un certificado',
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
  detail: {
    title: 'Dato',
    back: 'Volver a mis datos',
    open: 'Quién lo ha consultado y oposición',
    logTitle: 'Quién ha consultado este dato',
    logIntro:
      'Las consultas que las administraciones han hecho de este dato a través de la Plataforma de Intermediación.',
    logError: 'No hemos podido cargar las consultas',
    filterAdministration: 'Administración',
    filterResult: 'Resultado',
    all: 'Todas',
    apply: 'Filtrar',
    total_one: '{{count}} consulta',
    total_other: '{{count}} consultas',
    col: {
      at: 'Fecha',
      administration: 'Administración',
      procedure: 'Procedimiento',
      legalBasis: 'Base legal',
      result: 'Resultado',
    },
    result: { served: 'Servida', refused: 'Denegada por tu oposición' },
    pagination: 'Páginas de consultas',
    previous: 'Anterior',
    next: 'Siguiente',
    page: 'Página {{n}}',
    csv: 'Descargar las consultas (CSV)',
  },
  opposition: {
    title: 'Oponerte a que lo consulten',
    intro:
      'Puedes oponerte a que una administración (o todas) consulte este dato por sí misma (Ley 39/2015, art. 28.2). Tendrás que aportarlo tú cuando te lo pidan.',
    administration: 'Administración',
    allAdministrations: 'Todas las administraciones',
    reason: 'Motivo',
    missingReason: 'Escribe el motivo de tu oposición.',
    errorPrefix: 'Error:',
    submit: 'Oponerme',
    failed: 'No se ha podido registrar',
    notAllowedTitle: 'No puedes oponerte a esta consulta',
    notAllowedTax:
      'La ley no lo permite: la Administración tributaria consulta los datos tributarios para fines tributarios por mandato legal (Ley 58/2003, General Tributaria, arts. 93 y 95), una excepción al art. 28.2 de la Ley 39/2015.',
    listTitle: 'Tus oposiciones a este dato',
    since: 'desde el {{date}}',
    withdrawnOn: 'retirada el {{date}}',
    withdraw: 'Retirar la oposición',
  },
  error: { title: 'No hemos podido cargar tus datos', retry: 'Reintentar' },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type MyDataMessages = Localized<typeof es>;

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
