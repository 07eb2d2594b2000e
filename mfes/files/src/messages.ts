import type { LazyCatalog, Localized } from '@carpeta/sdk';

const es = {
  title: 'Expedientes',
  intro: 'Los procedimientos que tienes abiertos o cerrados con las administraciones públicas.',
  loading: 'Cargando expedientes…',
  summary: {
    label: 'Resumen',
    open_one: '{{count}} expediente abierto',
    open_other: '{{count}} expedientes abiertos',
    closed_one: '{{count}} cerrado',
    closed_other: '{{count}} cerrados',
    requirements_one: '{{count}} requerimiento espera tu respuesta',
    requirements_other: '{{count}} requerimientos esperan tu respuesta',
  },
  filter: {
    legend: 'Mostrar',
    open: 'Abiertos',
    closed: 'Cerrados',
    all: 'Todos',
    apply: 'Aplicar',
  },
  group: {
    open_one: '{{count}} abierto',
    open_other: '{{count}} abiertos',
    closed_one: '{{count}} cerrado',
    closed_other: '{{count}} cerrados',
  },
  empty: {
    title: 'No tienes expedientes',
    body: 'Cuando inicies un procedimiento con una administración, aparecerá aquí.',
    filtered: 'No hay expedientes que mostrar con este filtro.',
  },
  status: {
    started: 'Iniciado',
    'in-progress': 'En tramitación',
    requirement: 'Requerimiento',
    resolved: 'Resuelto',
    archived: 'Archivado',
  },
  open: 'Abierto',
  closed: 'Cerrado',
  mustAct: 'Debes actuar',
  reference: 'Expediente {{reference}}',
  handler: 'Tramita: {{handler}}',
  deadline: 'Plazo: {{date}} ({{relative}})',
  updated: 'Última actualización: {{date}}',
  sources: {
    partialTitle: 'Faltan expedientes de algún organismo',
    partialBody:
      'No hemos podido consultar: {{names}}. Lo que ves puede estar incompleto; vuelve a intentarlo más tarde.',
    timeout: 'no responde a tiempo',
    unavailable: 'no está disponible',
    'invalid-response': 'ha respondido con datos no válidos',
    retry: 'Volver a consultar',
  },
  error: { title: 'No hemos podido cargar tus expedientes', retry: 'Reintentar' },
  detail: {
    back: 'Volver a expedientes',
    notFoundTitle: 'Expediente no encontrado',
    notFoundBody: 'No existe ningún expediente con esa referencia a tu nombre.',
    requirementTitle: 'Tienes un requerimiento pendiente',
    requirementBody:
      'La administración te pide que actúes. Tienes de plazo hasta el {{date}} ({{relative}}).',
    requirementNoDeadline: 'La administración te pide que actúes.',
    fields: {
      issuer: 'Administración',
      handler: 'Órgano que lo tramita',
      procedure: 'Procedimiento',
      reference: 'Número de expediente',
      status: 'Estado',
      startedAt: 'Fecha de inicio',
      updatedAt: 'Última actualización',
      deadline: 'Plazo',
    },
    notProvided: 'No indicado',
    noDeadline: 'Sin plazo pendiente',
    timelineTitle: 'Historial',
    timelineLabel: 'Historial del expediente',
    upcoming: 'Pendiente',
    done: 'Completado',
    current: 'Situación actual',
    documentsTitle: 'Documentos',
    documentsEmpty: 'Este expediente no tiene documentos.',
    addedAt: 'Añadido el {{date}}',
    origin: { citizen: 'Aportado por ti', administration: 'Aportado por la administración' },
    serviceTitle: 'Sede de la administración',
    serviceLink: 'Ir al expediente en la sede de {{name}}',
    serviceNote: 'Se abre el sitio web de la administración, fuera de Carpeta.',
    newTab: '(se abre en una pestaña nueva, en el sitio de la administración)',
  },
  relative: {
    today: 'hoy',
    future_one: 'queda {{count}} día',
    future_other: 'quedan {{count}} días',
    past_one: 'venció hace {{count}} día',
    past_other: 'venció hace {{count}} días',
  },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type FilesMessages = Localized<typeof es>;

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
