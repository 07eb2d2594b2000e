import type { LazyCatalog, Localized } from '@carpeta/sdk';

/** The council MFE's own strings. Spanish is required; each MFE carries its translations. */

const es = {
  title: 'Mi ayuntamiento',
  intro: 'Tributos municipales y padrón de {{council}}, donde el padrón dice que vives.',
  loading: 'Cargando los datos de tu ayuntamiento…',
  moreServices: 'Más servicios',
  services: { files: 'Tus expedientes', appointments: 'Pedir o consultar una cita', myData: 'Tus datos' },
  sectionsLabel: 'Servicios del ayuntamiento',
  tabs: { taxes: 'Tributos', census: 'Padrón' },
  noResidence: {
    title: 'No consta tu domicilio en el padrón',
    body: 'El padrón no tiene un domicilio para esta persona. Si acabas de mudarte, puede tardar unos días en aparecer.',
  },
  notServed: {
    title: 'Tu ayuntamiento aún no está en Carpeta',
    body: 'Según el padrón vives en {{municipality}}, cuyo ayuntamiento todavía no ofrece estos servicios aquí. Consulta su sede electrónica.',
  },
  sources: {
    title: 'Algunos datos no están disponibles ahora',
    timeout: '{{name}} no ha respondido a tiempo.',
    unavailable: '{{name}} no está disponible ahora.',
    'invalid-response': '{{name}} ha respondido con datos que no podemos leer.',
    retry: 'Reintentar',
  },
  failed: {
    title: 'No hemos podido consultar tu ayuntamiento',
    body: 'Inténtalo de nuevo en unos minutos.',
  },
  taxes: {
    heading: 'Recibos',
    caption: 'Tus recibos de tributos municipales',
    none: 'No tienes recibos de tributos en {{council}}.',
    pending_one: 'Tienes {{count}} recibo pendiente por {{amount}}.',
    pending_other: 'Tienes {{count}} recibos pendientes por {{amount}}.',
    nothingPending: 'No tienes recibos pendientes de pago.',
    overdueTitle: 'Tienes recibos fuera de plazo',
    overdueBody:
      'Un recibo no pagado en su periodo voluntario pasa a la vía de apremio y lleva recargo. Págalo cuanto antes.',
    columns: {
      tax: 'Tributo',
      amount: 'Importe',
      due: 'Fin del periodo voluntario',
      status: 'Estado',
      payment: 'Pago',
    },
    kind: {
      property: 'Impuesto sobre Bienes Inmuebles (IBI)',
      vehicle: 'Impuesto sobre Vehículos (IVTM)',
      waste: 'Tasa de basuras',
    },
    receipt: 'Recibo {{reference}} · {{year}}',
    status: { pending: 'Pendiente', paid: 'Pagado', overdue: 'Vencido', cancelled: 'Anulado' },
    directDebit: 'Domiciliado en {{account}}',
    chargeOn: 'Se cargará el {{date}}',
    chargedOn: 'Cargado el {{date}}',
    paidOn: 'Pagado el {{date}}',
    notDebited: 'Sin domiciliar',
    howTo: '¿Cómo pago o domicilio un recibo?',
    howToBody:
      'Puedes pagar un recibo pendiente en la sede electrónica de tu ayuntamiento con tarjeta o cargo en cuenta, o en tu banco con el documento de pago. Para domiciliarlo, solicítalo en la sede electrónica: se aplicará a los recibos siguientes.',
  },
  census: {
    heading: 'Tu inscripción en el padrón',
    notRegistered: 'No figuras inscrito en el padrón de {{council}}.',
    address: 'Domicilio',
    district: 'Distrito',
    since: 'Inscrito desde',
    people: 'Personas inscritas en el domicilio',
    request: 'Solicitar un certificado de empadronamiento',
    requestHint: 'Se emite al momento, con código seguro de verificación, y vale 3 meses.',
    kind: 'Tipo de certificado',
    kinds: {
      individual: 'Individual: solo tú',
      household: 'Colectivo: todas las personas inscritas en tu domicilio',
    },
    purpose: 'Finalidad',
    choosePurpose: 'Elige una finalidad',
    purposes: {
      residence: 'Acreditar la residencia',
      school: 'Escolarización',
      benefits: 'Solicitar ayudas o subvenciones',
      immigration: 'Trámites de extranjería',
    },
    submit: 'Solicitar el certificado',
    submitting: 'Solicitando el certificado…',
    errorTitle: 'Hay un problema',
    errorPrefix: 'Error',
    purposeMissing: 'Elige la finalidad del certificado',
    confirmTitle: '¿Solicitar un certificado colectivo?',
    confirmBody:
      'Incluirá el nombre de las {{people}} personas inscritas en tu domicilio. Solicítalo solo si lo necesitas para un trámite.',
    confirm: 'Sí, solicitarlo',
    cancel: 'Cancelar',
    close: 'Cerrar',
    issuedTitle: 'Certificado emitido',
    issuedBody: 'Código seguro de verificación: {{code}}. Válido hasta el {{date}}.',
    download: 'Descargar el certificado (PDF)',
    downloadOne: 'Descargar (PDF)',
    downloadContext: 'certificado expedido el {{date}}',
    downloading: 'Descargando…',
    downloaded: 'Certificado descargado.',
    downloadFailed: 'No hemos podido descargar el certificado. Inténtalo de nuevo.',
    requestFailedTitle: 'No se ha podido emitir el certificado',
    notRegisteredError: 'El ayuntamiento no te tiene inscrito en su padrón.',
    unavailableError: 'El ayuntamiento no está disponible ahora. Inténtalo de nuevo en unos minutos.',
    busyError: 'Ya estamos emitiendo este certificado. Espera un momento.',
    issued: 'Certificados emitidos',
    issuedCaption: 'Certificados de empadronamiento emitidos',
    none: 'Todavía no has solicitado ningún certificado.',
    columns: {
      issued: 'Expedido',
      kind: 'Tipo',
      purpose: 'Finalidad',
      valid: 'Validez',
      code: 'Código',
      file: 'Documento',
    },
    kindShort: { individual: 'Individual', household: 'Colectivo' },
    current: 'Vigente hasta el {{date}}',
    expired: 'Caducado el {{date}}',
  },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type MunicipalMessages = Localized<typeof es>;

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
