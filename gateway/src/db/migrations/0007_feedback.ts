import { type Kysely, sql } from 'kysely';

// 0007: feedback, the public roadmap and accessibility requests. Feedback is anonymous (no citizen,
// even when one was signed in); accessibility requests keep the contact address the person gave,
// if any, and their legal answer date (20 working days, RD 1112/2018). The roadmap starts with the
// items below; maintainers change their status and link feedback to them. Sessions gain the role
// the identity provider vouches for (`maintainer` for the portal's maintainers, null for citizens).
// Once on main this file is never edited. It imports nothing of the stores.

const ITEMS: Array<{
  id: string;
  status: string;
  position: number;
  title: Record<string, string>;
  summary: Record<string, string>;
}> = [
  {
    id: 'alerts',
    status: 'planned',
    position: 10,
    title: {
      es: 'Avisos por correo electrónico y SMS',
      ca: 'Avisos per correu electrònic i SMS',
      gl: 'Avisos por correo electrónico e SMS',
      eu: 'Abisuak posta elektronikoz eta SMS bidez',
      va: 'Avisos per correu electrònic i SMS',
      en: 'E-mail and SMS alerts',
    },
    summary: {
      es: 'Saber por correo o SMS que tiene una notificación nueva o que un documento caduca.',
      ca: 'Saber per correu o SMS que té una notificació nova o que un document caduca.',
      gl: 'Saber por correo ou SMS que ten unha notificación nova ou que un documento caduca.',
      eu: 'Jakinarazpen berri bat duzula edo agiri bat iraungiko dela jakitea, posta edo SMS bidez.',
      va: 'Saber per correu o SMS que té una notificació nova o que un document caduca.',
      en: 'Know by e-mail or SMS that a new notification arrived or that a document is expiring.',
    },
  },
  {
    id: 'app',
    status: 'considering',
    position: 20,
    title: {
      es: 'Carpeta en el móvil sin conexión',
      ca: 'Carpeta al mòbil sense connexió',
      gl: 'Carpeta no móbil sen conexión',
      eu: 'Carpeta mugikorrean, konexiorik gabe',
      va: 'Carpeta al mòbil sense connexió',
      en: 'Carpeta on the phone, offline',
    },
    summary: {
      es: 'Instalar el portal en el móvil y consultar los documentos guardados sin conexión.',
      ca: 'Instal·lar el portal al mòbil i consultar els documents desats sense connexió.',
      gl: 'Instalar o portal no móbil e consultar os documentos gardados sen conexión.',
      eu: 'Ataria mugikorrean instalatzea eta gordetako agiriak konexiorik gabe kontsultatzea.',
      va: 'Instal·lar el portal al mòbil i consultar els documents guardats sense connexió.',
      en: 'Install the portal on the phone and read saved documents without a connection.',
    },
  },
  {
    id: 'company-profile',
    status: 'considering',
    position: 30,
    title: {
      es: 'Perfil de empresa',
      ca: "Perfil d'empresa",
      gl: 'Perfil de empresa',
      eu: 'Enpresaren profila',
      va: "Perfil d'empresa",
      en: 'Company profile',
    },
    summary: {
      es: 'Ver de un vistazo si una empresa está al corriente con Hacienda y la Seguridad Social.',
      ca: "Veure d'un cop d'ull si una empresa està al corrent amb Hisenda i la Seguretat Social.",
      gl: 'Ver dunha ollada se unha empresa está ao día con Facenda e a Seguridade Social.',
      eu: 'Enpresa bat Ogasunarekin eta Gizarte Segurantzarekin egunean dagoen begirada batean ikustea.',
      va: "Veure d'un colp d'ull si una empresa està al corrent amb Hisenda i la Seguretat Social.",
      en: 'See at a glance whether a company is up to date with the tax agency and social security.',
    },
  },
  {
    id: 'feedback',
    status: 'in-progress',
    position: 40,
    title: {
      es: 'Opiniones y hoja de ruta pública',
      ca: 'Opinions i full de ruta públic',
      gl: 'Opinións e folla de ruta pública',
      eu: 'Iritziak eta bide-orri publikoa',
      va: 'Opinions i full de ruta públic',
      en: 'Feedback and a public roadmap',
    },
    summary: {
      es: 'Decirnos qué mejorar y ver qué estamos haciendo con lo que nos dice.',
      ca: 'Dir-nos què millorar i veure què fem amb el que ens diu.',
      gl: 'Dicirnos que mellorar e ver que facemos co que nos di.',
      eu: 'Zer hobetu esatea eta esaten diguzunarekin zer egiten dugun ikustea.',
      va: 'Dir-nos què millorar i veure què fem amb el que ens diu.',
      en: 'Tell us what to improve and see what we do with what you tell us.',
    },
  },
  {
    id: 'assistant',
    status: 'done',
    position: 50,
    title: {
      es: 'Ada, la asistente',
      ca: "Ada, l'assistent",
      gl: 'Ada, a asistente',
      eu: 'Ada, laguntzailea',
      va: "Ada, l'assistent",
      en: 'Ada, the assistant',
    },
    summary: {
      es: 'Preguntas sobre la carpeta en cualquiera de los seis idiomas, y registro de incidencias.',
      ca: 'Preguntes sobre la carpeta en qualsevol dels sis idiomes, i registre d’incidències.',
      gl: 'Preguntas sobre a carpeta en calquera dos seis idiomas, e rexistro de incidencias.',
      eu: 'Karpetari buruzko galderak sei hizkuntzetako edozeinetan, eta gorabeheren erregistroa.',
      va: 'Preguntes sobre la carpeta en qualsevol dels sis idiomes, i registre d’incidències.',
      en: 'Questions about the folder in any of the six languages, and incidents logged.',
    },
  },
  {
    id: 'languages',
    status: 'done',
    position: 60,
    title: {
      es: 'Seis idiomas',
      ca: 'Sis idiomes',
      gl: 'Seis idiomas',
      eu: 'Sei hizkuntza',
      va: 'Sis idiomes',
      en: 'Six languages',
    },
    summary: {
      es: 'Castellano, catalán, gallego, euskera, valenciano e inglés en todo el portal.',
      ca: 'Castellà, català, gallec, basc, valencià i anglès a tot el portal.',
      gl: 'Castelán, catalán, galego, éuscaro, valenciano e inglés en todo o portal.',
      eu: 'Gaztelania, katalana, galegoa, euskara, valentziera eta ingelesa atari osoan.',
      va: 'Castellà, valencià, gallec, basc, català i anglés en tot el portal.',
      en: 'Spanish, Catalan, Galician, Basque, Valencian and English across the portal.',
    },
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('role', 'text', (col) => col.check(sql`role in ('maintainer')`))
    .execute();
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('general', 'sign-in', 'flow')`))
    .addColumn('rating', 'text', (col) => col.notNull().check(sql`char_length(rating) between 1 and 40`))
    .addColumn('method', 'text')
    .addColumn('flow', 'text')
    .addColumn('message', 'text', (col) => col.notNull().check(sql`char_length(message) <= 2000`))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('feedback_created').on('feedback').column('created_at').execute();
  await db.schema
    .createTable('roadmap_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'jsonb', (col) => col.notNull())
    .addColumn('summary', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('considering', 'planned', 'in-progress', 'done')`),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('roadmap_links')
    .addColumn('item_id', 'text', (col) => col.notNull().references('roadmap_items.id').onDelete('cascade'))
    .addColumn('feedback_id', 'text', (col) => col.notNull().references('feedback.id').onDelete('cascade'))
    .addColumn('linked_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('roadmap_links_pk', ['item_id', 'feedback_id'])
    .execute();
  await db.schema
    .createTable('accessibility_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('page', 'text', (col) => col.notNull().check(sql`char_length(page) between 1 and 500`))
    .addColumn('problem', 'text', (col) => col.notNull().check(sql`char_length(problem) between 1 and 2000`))
    .addColumn('email', 'text')
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    // The last day of the answer time, in Madrid: 20 working days after the day it arrived.
    .addColumn('answer_by', 'date', (col) => col.notNull())
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('accessibility_requests_answer_by')
    .on('accessibility_requests')
    .column('answer_by')
    .execute();
  const at = new Date('2026-12-01T09:00:00Z');
  await sql`insert into roadmap_items (id, title, summary, status, position, updated_at) values ${sql.join(
    ITEMS.map(
      (item) =>
        sql`(${item.id}, ${JSON.stringify(item.title)}::jsonb, ${JSON.stringify(item.summary)}::jsonb, ${item.status}, ${item.position}, ${at})`,
    ),
  )}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accessibility_requests').execute();
  await db.schema.dropTable('roadmap_links').execute();
  await db.schema.dropTable('roadmap_items').execute();
  await db.schema.dropTable('feedback').execute();
  await db.schema.alterTable('sessions').dropColumn('role').execute();
}
