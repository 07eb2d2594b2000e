import type { IncidentCategory } from '@carpeta/sdk/assistant';
import type { AssistantLanguage, IntentOrFallback } from './intents.ts';

/**
 * Where each intent's answer leads, for every language: a route of the portal's MFEs. One table,
 * so a route changes in one place; the catalogues below hold only words.
 */
export const INTENT_LINKS = {
  'notifications.pending': '/notifications',
  'notifications.deadline': '/notifications',
  'appointments.book': '/appointments',
  'appointments.cancel': '/appointments',
  'data.employment_history': '/my-data',
  'data.education': '/my-data',
  'data.family': '/my-data',
  'data.vehicles': '/my-data',
  'data.who_accessed': '/my-data',
  'representation.power_of_attorney': '/representation',
  'registry.submit': '/representation/registry',
  'files.status': '/files',
  'alerts.settings': '/notifications',
} as const satisfies Partial<Record<IntentOrFallback, `/${string}`>>;
type LinkedIntent = keyof typeof INTENT_LINKS;

/** An intent's words in one language: the answer, and its link's label exactly when it has a link. */
type IntentWords<I extends IntentOrFallback> = I extends LinkedIntent
  ? { text: string; link: string }
  : { text: string };

/**
 * Ada's words in the portal's six languages. `{name}` placeholders are filled by the caller. The
 * incident categories are the contract's (`INCIDENT_CATEGORIES`); each language names them.
 * Valencian has its own answers.
 */
type Catalogue = { [I in IntentOrFallback]: IntentWords<I> } & {
  signIn: string;
  human: string;
  humanForm: string;
  notificationsNone: string;
  notificationsCount: string;
  notificationsNext: string;
  filesCount: string;
  appointmentsCount: string;
  folderUnavailable: string;
  servicesFound: string;
  incidentCategory: string;
  incidentAdministration: string;
  incidentTried: string;
  incidentError: string;
  incidentConfirm: string;
  incidentSignIn: string;
  categories: Record<IncidentCategory, string>;
};

/** An answer as Ada gives it: the text, and a link into the portal (label and path). */
export interface AnswerText {
  text: string;
  link?: { label: string; href: string };
}

const es: Catalogue = {
  'greeting.hello': { text: 'Hola, soy Ada, la asistente de Carpeta. ¿En qué puedo ayudarte?' },
  'greeting.thanks': { text: 'De nada. Si necesitas algo más, aquí estoy.' },
  'notifications.pending': {
    text: 'Tus notificaciones de todas las administraciones están en Notificaciones.',
    link: 'Ver mis notificaciones',
  },
  'notifications.deadline': {
    text: 'Tienes 10 días naturales para abrir una notificación desde que se pone a tu disposición; si no la abres, se entiende rechazada.',
    link: 'Ver mis notificaciones',
  },
  'appointments.book': {
    text: 'Puedes pedir cita previa con la policía, Hacienda, la Seguridad Social, Tráfico y otras administraciones en Mis citas.',
    link: 'Pedir cita',
  },
  'appointments.cancel': {
    text: 'Puedes anular o cambiar una cita desde Mis citas: abre la cita y elige anular o cambiar fecha.',
    link: 'Mis citas',
  },
  'data.employment_history': {
    text: 'Tu vida laboral (informe de la Seguridad Social) está en Mis datos, en el tema Trabajo, y se puede descargar en PDF.',
    link: 'Mis datos: trabajo',
  },
  'data.education': {
    text: 'Tus títulos oficiales, becas y matrículas están en Mis datos, en el tema Educación.',
    link: 'Mis datos: educación',
  },
  'data.family': {
    text: 'La condición de familia numerosa y los datos de tu familia están en Mis datos.',
    link: 'Mis datos',
  },
  'data.vehicles': {
    text: 'Tus vehículos, tu permiso de conducir, sus puntos y la ITV están en Mis datos, en el tema Vehículos.',
    link: 'Mis datos: vehículos',
  },
  'data.who_accessed': {
    text: 'En Mis datos puedes ver qué administración consultó tus datos, cuándo y para qué, y oponerte cuando la ley lo permite.',
    link: 'Quién ha usado mis datos',
  },
  'representation.power_of_attorney': {
    text: 'En Apoderamientos puedes dar poder a otra persona para que haga trámites por ti, aceptar, renunciar o revocar poderes.',
    link: 'Apoderamientos',
  },
  'registry.submit': {
    text: 'Con el Registro Electrónico General puedes presentar un escrito a cualquier administración y obtener su número de registro.',
    link: 'Presentar un escrito',
  },
  'files.status': {
    text: 'El estado de tus expedientes abiertos, por administración, está en Mis expedientes.',
    link: 'Mis expedientes',
  },
  'login.help': {
    text: 'Puedes identificarte con Cl@ve Móvil, Cl@ve PIN, Cl@ve permanente, certificado electrónico o DNIe. Si un método falla, prueba otro o revisa que tu registro en Cl@ve esté activo.',
  },
  'incident.report': { text: 'Vamos a registrar la incidencia. Te haré unas preguntas.' },
  'alerts.settings': {
    text: 'Los avisos por correo y SMS de nuevas notificaciones se configuran en tu área personal del portal.',
    link: 'Ver mis notificaciones',
  },
  'human.contact': {
    text: 'Puedes hablar con una persona en el 060 (teléfono de información de la Administración) o escribirnos con el formulario de contacto.',
  },
  fallback: {
    text: 'No estoy segura de haberte entendido. Prueba con otras palabras o habla con una persona: 060 o el formulario de contacto.',
  },
  signIn: 'Identifícate para ver tus datos',
  human: 'Llamar al 060',
  humanForm: 'Formulario de contacto',
  notificationsNone: 'No tienes notificaciones pendientes.',
  notificationsCount: 'Tienes {count} notificaciones pendientes.',
  notificationsNext: 'La de {issuer} caduca en {days} días.',
  filesCount: 'Tienes {count} expedientes abiertos; {requirements} te piden que actúes.',
  appointmentsCount: 'Tienes {count} citas reservadas.',
  folderUnavailable: 'Ahora no puedo consultar tu carpeta; inténtalo más tarde.',
  servicesFound: 'Estos servicios pueden ayudarte:',
  incidentCategory: '¿Sobre qué es el problema?',
  incidentAdministration: '¿Con qué administración u organismo tiene que ver?',
  incidentTried: '¿Qué intentaste hacer?',
  incidentError: '¿Qué error o mensaje viste?',
  incidentConfirm: 'Gracias. Revisa el resumen y registra la incidencia.',
  incidentSignIn: 'Para registrar la incidencia a tu nombre, identifícate.',
  categories: {
    'sign-in': 'Identificación',
    notifications: 'Notificaciones',
    appointments: 'Citas',
    'my-data': 'Mis datos',
    registry: 'Registro',
    other: 'Otro',
  },
};

const en: Catalogue = {
  'greeting.hello': { text: "Hello, I'm Ada, Carpeta's assistant. How can I help you?" },
  'greeting.thanks': { text: "You're welcome. If you need anything else, I'm here." },
  'notifications.pending': {
    text: 'Your notifications from every administration are in Notifications.',
    link: 'See my notifications',
  },
  'notifications.deadline': {
    text: 'You have 10 calendar days to open a notification from when it is made available; if you do not, it is deemed rejected.',
    link: 'See my notifications',
  },
  'appointments.book': {
    text: 'You can book appointments with the police, the tax agency, social security, traffic and other administrations in My appointments.',
    link: 'Book an appointment',
  },
  'appointments.cancel': {
    text: 'You can cancel or move an appointment in My appointments: open it and choose cancel or change date.',
    link: 'My appointments',
  },
  'data.employment_history': {
    text: 'Your employment history (the social security report) is in My data, under Work, and can be downloaded as a PDF.',
    link: 'My data: work',
  },
  'data.education': {
    text: 'Your official degrees, scholarships and enrolments are in My data, under Education.',
    link: 'My data: education',
  },
  'data.family': {
    text: 'Large family status and your family data are in My data.',
    link: 'My data',
  },
  'data.vehicles': {
    text: 'Your vehicles, driving licence, its points and vehicle inspections are in My data, under Vehicles.',
    link: 'My data: vehicles',
  },
  'data.who_accessed': {
    text: 'In My data you can see which administration consulted your data, when and why, and object where the law allows it.',
    link: 'Who used my data',
  },
  'representation.power_of_attorney': {
    text: 'In Powers of attorney you can empower someone to act for you, and accept, renounce or revoke powers.',
    link: 'Powers of attorney',
  },
  'registry.submit': {
    text: 'With the General Electronic Registry you can submit a document to any administration and get its registry number.',
    link: 'Submit a document',
  },
  'files.status': {
    text: 'The status of your open files, by administration, is in My files.',
    link: 'My files',
  },
  'login.help': {
    text: 'You can sign in with Cl@ve Móvil, Cl@ve PIN, Cl@ve permanente, an electronic certificate or DNIe. If one method fails, try another or check that your Cl@ve registration is active.',
  },
  'incident.report': { text: "Let's log the incident. I'll ask you a few questions." },
  'alerts.settings': {
    text: 'E-mail and text message alerts about new notifications are set in your personal area of the portal.',
    link: 'See my notifications',
  },
  'human.contact': {
    text: "You can talk to a person on 060 (the administration's information line) or write to us with the contact form.",
  },
  fallback: {
    text: "I'm not sure I understood. Try other words or talk to a person: 060 or the contact form.",
  },
  signIn: 'Sign in to see your data',
  human: 'Call 060',
  humanForm: 'Contact form',
  notificationsNone: 'You have no pending notifications.',
  notificationsCount: 'You have {count} pending notifications.',
  notificationsNext: 'The one from {issuer} expires in {days} days.',
  filesCount: 'You have {count} open files; {requirements} need you to act.',
  appointmentsCount: 'You have {count} booked appointments.',
  folderUnavailable: 'I cannot read your folder right now; please try again later.',
  servicesFound: 'These services may help you:',
  incidentCategory: 'What is the problem about?',
  incidentAdministration: 'Which administration or body is it about?',
  incidentTried: 'What were you trying to do?',
  incidentError: 'What error or message did you see?',
  incidentConfirm: 'Thank you. Check the summary and log the incident.',
  incidentSignIn: 'To log the incident in your name, please sign in.',
  categories: {
    'sign-in': 'Signing in',
    notifications: 'Notifications',
    appointments: 'Appointments',
    'my-data': 'My data',
    registry: 'Registry',
    other: 'Other',
  },
};

const ca: Catalogue = {
  'greeting.hello': { text: "Hola, soc l'Ada, l'assistent de Carpeta. En què et puc ajudar?" },
  'greeting.thanks': { text: 'De res. Si necessites res més, aquí em tens.' },
  'notifications.pending': {
    text: 'Les teves notificacions de totes les administracions són a Notificacions.',
    link: 'Veure les meves notificacions',
  },
  'notifications.deadline': {
    text: "Tens 10 dies naturals per obrir una notificació des que es posa a la teva disposició; si no l'obres, s'entén rebutjada.",
    link: 'Veure les meves notificacions',
  },
  'appointments.book': {
    text: 'Pots demanar cita prèvia amb la policia, Hisenda, la Seguretat Social, Trànsit i altres administracions a Les meves cites.',
    link: 'Demanar cita',
  },
  'appointments.cancel': {
    text: 'Pots anul·lar o canviar una cita des de Les meves cites: obre la cita i tria anul·lar o canviar la data.',
    link: 'Les meves cites',
  },
  'data.employment_history': {
    text: 'La teva vida laboral (informe de la Seguretat Social) és a Les meves dades, al tema Treball, i es pot descarregar en PDF.',
    link: 'Les meves dades: treball',
  },
  'data.education': {
    text: 'Els teus títols oficials, beques i matrícules són a Les meves dades, al tema Educació.',
    link: 'Les meves dades: educació',
  },
  'data.family': {
    text: 'La condició de família nombrosa i les dades de la teva família són a Les meves dades.',
    link: 'Les meves dades',
  },
  'data.vehicles': {
    text: 'Els teus vehicles, el permís de conduir, els punts i la ITV són a Les meves dades, al tema Vehicles.',
    link: 'Les meves dades: vehicles',
  },
  'data.who_accessed': {
    text: "A Les meves dades pots veure quina administració ha consultat les teves dades, quan i per a què, i oposar-t'hi quan la llei ho permet.",
    link: 'Qui ha fet servir les meves dades',
  },
  'representation.power_of_attorney': {
    text: 'A Apoderaments pots donar poder a una altra persona perquè faci tràmits per tu, i acceptar, renunciar o revocar poders.',
    link: 'Apoderaments',
  },
  'registry.submit': {
    text: 'Amb el Registre Electrònic General pots presentar un escrit a qualsevol administració i obtenir-ne el número de registre.',
    link: 'Presentar un escrit',
  },
  'files.status': {
    text: "L'estat dels teus expedients oberts, per administració, és a Els meus expedients.",
    link: 'Els meus expedients',
  },
  'login.help': {
    text: "Pots identificar-te amb Cl@ve Mòbil, Cl@ve PIN, Cl@ve permanent, certificat electrònic o DNIe. Si un mètode falla, prova'n un altre o comprova que el teu registre a Cl@ve és actiu.",
  },
  'incident.report': { text: 'Registrem la incidència. Et faré unes preguntes.' },
  'alerts.settings': {
    text: 'Els avisos per correu i SMS de noves notificacions es configuren a la teva àrea personal del portal.',
    link: 'Veure les meves notificacions',
  },
  'human.contact': {
    text: "Pots parlar amb una persona al 060 (telèfon d'informació de l'Administració) o escriure'ns amb el formulari de contacte.",
  },
  fallback: {
    text: "No estic segura d'haver-te entès. Prova-ho amb altres paraules o parla amb una persona: 060 o el formulari de contacte.",
  },
  signIn: "Identifica't per veure les teves dades",
  human: 'Trucar al 060',
  humanForm: 'Formulari de contacte',
  notificationsNone: 'No tens notificacions pendents.',
  notificationsCount: 'Tens {count} notificacions pendents.',
  notificationsNext: 'La de {issuer} caduca d’aquí a {days} dies.',
  filesCount: 'Tens {count} expedients oberts; {requirements} et demanen que actuïs.',
  appointmentsCount: 'Tens {count} cites reservades.',
  folderUnavailable: 'Ara no puc consultar la teva carpeta; torna-ho a provar més tard.',
  servicesFound: 'Aquests serveis et poden ajudar:',
  incidentCategory: 'Sobre què és el problema?',
  incidentAdministration: 'Amb quina administració o organisme té a veure?',
  incidentTried: 'Què intentaves fer?',
  incidentError: 'Quin error o missatge has vist?',
  incidentConfirm: 'Gràcies. Revisa el resum i registra la incidència.',
  incidentSignIn: "Per registrar la incidència al teu nom, identifica't.",
  categories: {
    'sign-in': 'Identificació',
    notifications: 'Notificacions',
    appointments: 'Cites',
    'my-data': 'Les meves dades',
    registry: 'Registre',
    other: 'Altres',
  },
};

const va: Catalogue = {
  ...ca,
  'greeting.hello': { text: "Hola, soc Ada, l'assistent de Carpeta. En què et puc ajudar?" },
  'greeting.thanks': { text: 'De res. Si necessites alguna cosa més, ací em tens.' },
  'notifications.pending': {
    text: 'Les teues notificacions de totes les administracions estan en Notificacions.',
    link: 'Veure les meues notificacions',
  },
  'notifications.deadline': {
    text: "Tens 10 dies naturals per a obrir una notificació des que es posa a la teua disposició; si no l'obris, s'entén rebutjada.",
    link: 'Veure les meues notificacions',
  },
  'appointments.book': {
    text: 'Pots demanar cita prèvia amb la policia, Hisenda, la Seguretat Social, Trànsit i altres administracions en Les meues cites.',
    link: 'Demanar cita',
  },
  'appointments.cancel': {
    text: 'Pots anul·lar o canviar una cita des de Les meues cites: obri la cita i tria anul·lar o canviar la data.',
    link: 'Les meues cites',
  },
  'data.employment_history': {
    text: 'La teua vida laboral (informe de la Seguretat Social) està en Les meues dades, en el tema Treball, i es pot descarregar en PDF.',
    link: 'Les meues dades: treball',
  },
  'data.education': {
    text: 'Els teus títols oficials, beques i matrícules estan en Les meues dades, en el tema Educació.',
    link: 'Les meues dades: educació',
  },
  'data.family': {
    text: 'La condició de família nombrosa i les dades de la teua família estan en Les meues dades.',
    link: 'Les meues dades',
  },
  'data.vehicles': {
    text: 'Els teus vehicles, el permís de conduir, els punts i la ITV estan en Les meues dades, en el tema Vehicles.',
    link: 'Les meues dades: vehicles',
  },
  'data.who_accessed': {
    text: "En Les meues dades pots veure quina administració ha consultat les teues dades, quan i per a què, i oposar-t'hi quan la llei ho permet.",
    link: 'Qui ha utilitzat les meues dades',
  },
  'representation.power_of_attorney': {
    text: 'En Apoderaments pots donar poder a una altra persona perquè faça tràmits per tu, i acceptar, renunciar o revocar poders.',
    link: 'Apoderaments',
  },
  'files.status': {
    text: "L'estat dels teus expedients oberts, per administració, està en Els meus expedients.",
    link: 'Els meus expedients',
  },
  'login.help': {
    text: "Pots identificar-te amb Cl@ve Mòbil, Cl@ve PIN, Cl@ve permanent, certificat electrònic o DNIe. Si un mètode falla, prova'n un altre o comprova que el teu registre en Cl@ve està actiu.",
  },
  'incident.report': { text: 'Registrem la incidència. Et faré unes preguntes.' },
  'alerts.settings': {
    text: 'Els avisos per correu i SMS de noves notificacions es configuren en la teua àrea personal del portal.',
    link: 'Veure les meues notificacions',
  },
  'human.contact': {
    text: "Pots parlar amb una persona en el 060 (telèfon d'informació de l'Administració) o escriure'ns amb el formulari de contacte.",
  },
  fallback: {
    text: "No estic segura d'haver-te entés. Prova-ho amb altres paraules o parla amb una persona: 060 o el formulari de contacte.",
  },
  signIn: "Identifica't per a veure les teues dades",
  human: 'Telefonar al 060',
  notificationsNext: 'La de {issuer} caduca d’ací a {days} dies.',
  filesCount: 'Tens {count} expedients oberts; {requirements} et demanen que actues.',
  folderUnavailable: 'Ara no puc consultar la teua carpeta; torna a intentar-ho més tard.',
  servicesFound: 'Estos servicis et poden ajudar:',
  incidentError: 'Quin error o missatge has vist?',
  incidentSignIn: "Per a registrar la incidència al teu nom, identifica't.",
  categories: { ...ca.categories, 'my-data': 'Les meues dades' },
};

const gl: Catalogue = {
  'greeting.hello': { text: 'Ola, son Ada, a asistente de Carpeta. En que podo axudarte?' },
  'greeting.thanks': { text: 'De nada. Se precisas algo máis, aquí estou.' },
  'notifications.pending': {
    text: 'As túas notificacións de todas as administracións están en Notificacións.',
    link: 'Ver as miñas notificacións',
  },
  'notifications.deadline': {
    text: 'Tes 10 días naturais para abrir unha notificación desde que se pon á túa disposición; se non a abres, enténdese rexeitada.',
    link: 'Ver as miñas notificacións',
  },
  'appointments.book': {
    text: 'Podes pedir cita previa coa policía, Facenda, a Seguridade Social, Tráfico e outras administracións en As miñas citas.',
    link: 'Pedir cita',
  },
  'appointments.cancel': {
    text: 'Podes anular ou cambiar unha cita desde As miñas citas: abre a cita e escolle anular ou cambiar a data.',
    link: 'As miñas citas',
  },
  'data.employment_history': {
    text: 'A túa vida laboral (informe da Seguridade Social) está en Os meus datos, no tema Traballo, e pódese descargar en PDF.',
    link: 'Os meus datos: traballo',
  },
  'data.education': {
    text: 'Os teus títulos oficiais, bolsas e matrículas están en Os meus datos, no tema Educación.',
    link: 'Os meus datos: educación',
  },
  'data.family': {
    text: 'A condición de familia numerosa e os datos da túa familia están en Os meus datos.',
    link: 'Os meus datos',
  },
  'data.vehicles': {
    text: 'Os teus vehículos, o permiso de conducir, os seus puntos e a ITV están en Os meus datos, no tema Vehículos.',
    link: 'Os meus datos: vehículos',
  },
  'data.who_accessed': {
    text: 'En Os meus datos podes ver que administración consultou os teus datos, cando e para que, e opoñerte cando a lei o permite.',
    link: 'Quen usou os meus datos',
  },
  'representation.power_of_attorney': {
    text: 'En Apoderamentos podes darlle poder a outra persoa para que faga trámites por ti, e aceptar, renunciar ou revogar poderes.',
    link: 'Apoderamentos',
  },
  'registry.submit': {
    text: 'Co Rexistro Electrónico Xeral podes presentar un escrito a calquera administración e obter o seu número de rexistro.',
    link: 'Presentar un escrito',
  },
  'files.status': {
    text: 'O estado dos teus expedientes abertos, por administración, está en Os meus expedientes.',
    link: 'Os meus expedientes',
  },
  'login.help': {
    text: 'Podes identificarte con Cl@ve Móbil, Cl@ve PIN, Cl@ve permanente, certificado electrónico ou DNIe. Se un método falla, proba outro ou revisa que o teu rexistro en Cl@ve estea activo.',
  },
  'incident.report': { text: 'Imos rexistrar a incidencia. Fareiche unhas preguntas.' },
  'alerts.settings': {
    text: 'Os avisos por correo e SMS de novas notificacións configúranse na túa área persoal do portal.',
    link: 'Ver as miñas notificacións',
  },
  'human.contact': {
    text: 'Podes falar cunha persoa no 060 (teléfono de información da Administración) ou escribirnos co formulario de contacto.',
  },
  fallback: {
    text: 'Non estou segura de entenderte. Proba con outras palabras ou fala cunha persoa: 060 ou o formulario de contacto.',
  },
  signIn: 'Identifícate para ver os teus datos',
  human: 'Chamar ao 060',
  humanForm: 'Formulario de contacto',
  notificationsNone: 'Non tes notificacións pendentes.',
  notificationsCount: 'Tes {count} notificacións pendentes.',
  notificationsNext: 'A de {issuer} caduca en {days} días.',
  filesCount: 'Tes {count} expedientes abertos; {requirements} pídenche que actúes.',
  appointmentsCount: 'Tes {count} citas reservadas.',
  folderUnavailable: 'Agora non podo consultar a túa carpeta; téntao máis tarde.',
  servicesFound: 'Estes servizos poden axudarte:',
  incidentCategory: 'Sobre que é o problema?',
  incidentAdministration: 'Con que administración ou organismo ten que ver?',
  incidentTried: 'Que tentabas facer?',
  incidentError: 'Que erro ou mensaxe viches?',
  incidentConfirm: 'Grazas. Revisa o resumo e rexistra a incidencia.',
  incidentSignIn: 'Para rexistrar a incidencia no teu nome, identifícate.',
  categories: {
    'sign-in': 'Identificación',
    notifications: 'Notificacións',
    appointments: 'Citas',
    'my-data': 'Os meus datos',
    registry: 'Rexistro',
    other: 'Outro',
  },
};

const eu: Catalogue = {
  'greeting.hello': { text: 'Kaixo, Ada naiz, Carpetaren laguntzailea. Zertan lagun zaitzaket?' },
  'greeting.thanks': { text: 'Ez horregatik. Beste ezer behar baduzu, hemen nago.' },
  'notifications.pending': {
    text: 'Administrazio guztien jakinarazpenak Jakinarazpenak atalean dituzu.',
    link: 'Nire jakinarazpenak ikusi',
  },
  'notifications.deadline': {
    text: 'Jakinarazpen bat zure esku jartzen denetik 10 egun natural dituzu irekitzeko; irekitzen ez baduzu, baztertutzat jotzen da.',
    link: 'Nire jakinarazpenak ikusi',
  },
  'appointments.book': {
    text: 'Poliziarekin, Ogasunarekin, Gizarte Segurantzarekin, Trafikoarekin eta beste administrazio batzuekin hitzordua eska dezakezu Nire hitzorduak atalean.',
    link: 'Hitzordua eskatu',
  },
  'appointments.cancel': {
    text: 'Hitzordu bat ezeztatu edo aldatu dezakezu Nire hitzorduak atalean: ireki hitzordua eta aukeratu ezeztatu edo data aldatu.',
    link: 'Nire hitzorduak',
  },
  'data.employment_history': {
    text: 'Zure lan bizitza (Gizarte Segurantzaren txostena) Nire datuak atalean dago, Lana gaian, eta PDFan deskarga daiteke.',
    link: 'Nire datuak: lana',
  },
  'data.education': {
    text: 'Zure titulu ofizialak, bekak eta matrikulak Nire datuak atalean daude, Hezkuntza gaian.',
    link: 'Nire datuak: hezkuntza',
  },
  'data.family': {
    text: 'Familia ugariaren egoera eta zure familiaren datuak Nire datuak atalean daude.',
    link: 'Nire datuak',
  },
  'data.vehicles': {
    text: 'Zure ibilgailuak, gidabaimena, haren puntuak eta IAT Nire datuak atalean daude, Ibilgailuak gaian.',
    link: 'Nire datuak: ibilgailuak',
  },
  'data.who_accessed': {
    text: 'Nire datuak atalean ikus dezakezu zein administraziok kontsultatu dituen zure datuak, noiz eta zertarako, eta legeak uzten duenean aurka egin.',
    link: 'Nork erabili ditu nire datuak',
  },
  'representation.power_of_attorney': {
    text: 'Ahalordeak atalean beste pertsona bati ahalordea eman diezaiokezu zure izenean izapideak egin ditzan, eta ahalordeak onartu, haiei uko egin edo ezeztatu.',
    link: 'Ahalordeak',
  },
  'registry.submit': {
    text: 'Erregistro Elektroniko Orokorrarekin edozein administraziori idazki bat aurkez diezaiokezu eta haren erregistro zenbakia lortu.',
    link: 'Idazki bat aurkeztu',
  },
  'files.status': {
    text: 'Zure espediente irekien egoera, administrazioka, Nire espedienteak atalean dago.',
    link: 'Nire espedienteak',
  },
  'login.help': {
    text: 'Cl@ve Mugikorra, Cl@ve PIN, Cl@ve iraunkorra, ziurtagiri elektronikoa edo NAN elektronikoa erabil ditzakezu identifikatzeko. Metodo batek huts egiten badu, probatu beste bat edo egiaztatu Cl@ven erregistratuta zaudela.',
  },
  'incident.report': { text: 'Intzidentzia erregistratuko dugu. Galdera batzuk egingo dizkizut.' },
  'alerts.settings': {
    text: 'Jakinarazpen berrien posta eta SMS bidezko abisuak atariko zure eremu pertsonalean konfiguratzen dira.',
    link: 'Nire jakinarazpenak ikusi',
  },
  'human.contact': {
    text: 'Pertsona batekin hitz egin dezakezu 060 zenbakian (Administrazioaren informazio telefonoa) edo harremanetarako formularioarekin idatzi.',
  },
  fallback: {
    text: 'Ez nago ziur ulertu dizudan. Saiatu beste hitz batzuekin edo hitz egin pertsona batekin: 060 edo harremanetarako formularioa.',
  },
  signIn: 'Identifikatu zure datuak ikusteko',
  human: '060ra deitu',
  humanForm: 'Harremanetarako formularioa',
  notificationsNone: 'Ez duzu jakinarazpenik zain.',
  notificationsCount: '{count} jakinarazpen dituzu zain.',
  notificationsNext: '{issuer}(r)en jakinarazpena {days} egun barru iraungitzen da.',
  filesCount: '{count} espediente ireki dituzu; {requirements} zuk zerbait egitea eskatzen dute.',
  appointmentsCount: '{count} hitzordu dituzu erreserbatuta.',
  folderUnavailable: 'Orain ezin dut zure karpeta kontsultatu; saiatu berriro geroago.',
  servicesFound: 'Zerbitzu hauek lagun diezazukete:',
  incidentCategory: 'Zeri buruzkoa da arazoa?',
  incidentAdministration: 'Zein administrazio edo erakunderekin du zerikusia?',
  incidentTried: 'Zer egiten saiatu zinen?',
  incidentError: 'Zer errore edo mezu ikusi zenuen?',
  incidentConfirm: 'Eskerrik asko. Berrikusi laburpena eta erregistratu intzidentzia.',
  incidentSignIn: 'Intzidentzia zure izenean erregistratzeko, identifikatu.',
  categories: {
    'sign-in': 'Identifikazioa',
    notifications: 'Jakinarazpenak',
    appointments: 'Hitzorduak',
    'my-data': 'Nire datuak',
    registry: 'Erregistroa',
    other: 'Bestelakoa',
  },
};

export const ANSWERS: Record<AssistantLanguage, Catalogue> = { es, ca, va, gl, eu, en };

/** The answer to an intent in a language, with its link from the one table. */
export function answerOf(language: AssistantLanguage, intent: IntentOrFallback): AnswerText {
  const words: { text: string; link?: string } = ANSWERS[language][intent];
  const href = (INTENT_LINKS as Partial<Record<IntentOrFallback, string>>)[intent];
  return words.link !== undefined && href !== undefined
    ? { text: words.text, link: { label: words.link, href } }
    : { text: words.text };
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    values[key] === undefined ? match : String(values[key]),
  );
}
