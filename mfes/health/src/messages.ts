import type { LazyCatalog, Localized } from '@carpeta/sdk';

const es = {
  title: 'Tu salud en la Comunidad de Madrid',
  intro: 'Tu tarjeta sanitaria y tus citas de atención primaria con el Servicio Madrileño de Salud (SERMAS).',
  loading: 'Cargando tu tarjeta sanitaria…',
  down: {
    title: 'El Servicio Madrileño de Salud no responde ahora',
    body: 'No podemos mostrar tu tarjeta sanitaria ni tus citas en este momento. Lo que ya hayas pedido no se ha perdido. Vuelve a intentarlo dentro de un momento.',
    detail: 'Respuesta del servicio: {{message}}',
    retry: 'Volver a intentarlo',
  },
  error: { title: 'No hemos podido cargar esta página', retry: 'Volver a intentarlo' },
  noCard: {
    title: 'No tienes tarjeta sanitaria de la Comunidad de Madrid',
    body: 'El Servicio Madrileño de Salud no tiene una tarjeta sanitaria a tu nombre. Si vives en la Comunidad de Madrid, puedes pedirla en tu centro de salud.',
  },
  card: {
    title: 'Tarjeta sanitaria individual',
    cipa: 'Número de tarjeta (CIPA)',
    holder: 'Titular',
    status: 'Estado',
    active: 'En vigor',
    cancelled: 'De baja',
    validFrom: 'Válida desde',
    validUntil: 'Válida hasta',
    noExpiry: 'Sin fecha de caducidad',
    centre: 'Centro de salud',
    centrePhone: 'Teléfono: {{phone}}',
    doctor: 'Médico o médica de familia',
    nurse: 'Enfermería',
    none: 'Sin asignar',
  },
  replacement: {
    open: 'Pedir un duplicado de la tarjeta',
    pendingTitle: 'Duplicado pedido',
    pending:
      'Pediste un duplicado el {{date}} (referencia {{reference}}). El Servicio Madrileño de Salud lo enviará a tu domicilio.',
    dialogTitle: 'Pedir un duplicado de la tarjeta sanitaria',
    dialogBody:
      'La tarjeta nueva se enviará a la dirección que tiene el Servicio Madrileño de Salud. La anterior dejará de valer.',
    legend: '¿Por qué necesitas una tarjeta nueva?',
    reasons: { lost: 'La he perdido', stolen: 'Me la han robado', damaged: 'Está estropeada' },
    missingReason: 'Elige por qué necesitas una tarjeta nueva.',
    errorPrefix: 'Error:',
    confirm: 'Pedir el duplicado',
    sending: 'Enviando…',
    cancel: 'No pedirlo',
    close: 'Cerrar',
    failed: 'No se ha podido pedir: {{message}}',
    done: 'Duplicado pedido (referencia {{reference}}). Lo recibirás en tu domicilio.',
  },
  appointments: {
    title: 'Citas de atención primaria',
    book: 'Pedir cita en tu centro de salud',
    loading: 'Cargando tus citas…',
    upcoming: 'Próximas citas',
    upcomingEmpty: 'No tienes citas próximas.',
    past: 'Citas anteriores',
    pastEmpty: 'No hay citas anteriores.',
    when: 'Fecha y hora',
    professional: 'Te atiende',
    centre: 'Centro',
    status: { booked: 'Confirmada', cancelled: 'Anulada', attended: 'Atendida', missed: 'No acudiste' },
    cancel: 'Anular',
    cancelOf: 'Anular la cita de {{service}} del {{date}}',
    cancelTitle: 'Anular la cita',
    cancelBody:
      '¿Anular tu cita de {{service}} del {{date}} en {{centre}}? La hora quedará libre para otra persona.',
    cancelConfirm: 'Anular la cita',
    cancelKeep: 'Mantener la cita',
    cancelFailed: 'No se ha podido anular: {{message}}',
    cancelled: 'Cita de {{service}} del {{date}} anulada.',
    booked: 'Cita confirmada: {{service}}, {{date}}, en {{centre}}.',
  },
  booking: {
    back: 'Volver a tu salud',
    title: 'Pedir cita de atención primaria',
    intro: 'Las citas son en tu centro de salud: {{centre}}.',
    serviceLegend: '¿Con quién quieres la cita?',
    serviceHint: '{{minutes}} minutos',
    missingService: 'Elige con quién quieres la cita.',
    showSlots: 'Ver horas libres',
    slotsTitle: 'Horas libres de {{service}}',
    loadingSlots: 'Buscando horas libres…',
    noSlots: 'No quedan horas libres en los próximos días. Vuelve a mirar más tarde.',
    missingSlot: 'Elige una hora.',
    confirm: 'Confirmar la cita',
    sending: 'Confirmando…',
    taken: 'Esa hora acaba de ocuparse. Elige otra: la lista se ha actualizado.',
    failed: 'No se ha podido pedir la cita: {{message}}',
    errorSummary: 'Hay un problema',
  },
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type HealthMessages = Localized<typeof es>;

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
