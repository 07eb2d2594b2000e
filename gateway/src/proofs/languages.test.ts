import { LANGUAGES, type Language, languageTag, type Notification } from '@carpeta/sdk';
import type { RegistrySubmission } from '@carpeta/sdk/registry';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRegistryReceipt } from '../registry/receipt.ts';
import { fill, PROOF_TEXT, proofLanguage, proofLocale } from './messages.ts';
import { renderMyDataProof } from './my-data-proof.ts';
import { renderNotificationReceipt } from './notification-receipt.ts';
import { winAnsi } from './pdf.ts';
import { pdfFlatText } from './testing.ts';

// The portal's PDFs in its six languages: every word from the catalogue, dates by Intl.
const AT = new Date('2030-06-01T10:00:05.000Z');
const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
const NOTIFICATION: Notification = {
  id: 'dehu:N-2030-000001',
  source: 'dehu',
  kind: 'notification',
  issuer: { dir3: 'E00003901', name: 'Agencia Estatal de Administración Tributaria' },
  subject: 'Requerimiento de información',
  procedure: null,
  fileReference: null,
  status: 'rejected',
  availableAt: '2030-05-30T08:00:00.000Z',
  expiresAt: '2030-06-09T08:00:00.000Z',
  respondedAt: AT.toISOString(),
  urgent: false,
};
const SUBMISSION: RegistrySubmission = {
  id: 'sub_0000000001',
  number: 'REGAGE30e00000000001',
  registeredAt: AT.toISOString(),
  submittedAt: AT.toISOString(),
  body: { dir3: 'L01080193', name: 'Ajuntament de Barcelona' },
  subject: 'Sol·licitud de l’Eulàlia Ñúñez',
  facts: 'Fets',
  request: 'Petició',
  status: 'registered',
  history: [],
  attachments: [{ name: 'pla.pdf', size: 123456, type: 'application/pdf', sha256: 'b'.repeat(64) }],
  applicant: { displayName: 'Eulàlia Ñúñez Güell', maskedId: '***4567**' },
  representative: null,
};

const DOCUMENTS = {
  'notification receipt': {
    title: (language: Language) => PROOF_TEXT[language].notificationReceipt.rejectedTitle,
    render: (language: Language) =>
      renderNotificationReceipt({
        act: 'reject',
        notification: NOTIFICATION,
        agencyId: 'N-2030-000001',
        sourceName: 'DEHú',
        holder: { nif: '12345678Z', name: 'Xosé Antón Iñarritu Ibáñez' },
        actor: { nif: '12345678Z', name: 'Xosé Antón Iñarritu Ibáñez' },
        at: AT,
        ip: '203.0.113.7',
        documentSha256: null,
        code: CODE,
        language,
      }),
  },
  'my-data certificate': {
    title: (language: Language) =>
      fill(PROOF_TEXT[language].myData.title, { title: 'Permiso de conducción y puntos' }),
    render: (language: Language) =>
      renderMyDataProof({
        record: {
          id: 'pid:DGT-PC-0001',
          source: 'pid',
          theme: 'vehicles',
          type: 'SVDDGTPC',
          title: 'Permiso de conducción y puntos',
          issuer: { dir3: 'E00130502', name: 'Dirección General de Tráfico' },
          fields: [{ label: 'Saldo de puntos', value: '15' }],
          retrievedAt: AT.toISOString(),
          state: 'current',
        },
        subjectNif: '12345678Z',
        subjectName: 'Iker Etxeberria Agirre',
        code: CODE,
        issuedAt: AT,
        portalOrigin: 'https://carpeta.example',
        language,
      }),
  },
  'registry receipt': {
    title: (language: Language) => PROOF_TEXT[language].registryReceipt.title,
    render: (language: Language) =>
      renderRegistryReceipt({
        submission: SUBMISSION,
        language,
        code: CODE,
        issuedAt: AT,
        portalOrigin: 'https://carpeta.example',
      }),
  },
} as const;

describe.each(Object.entries(DOCUMENTS))('the %s', (_name, document) => {
  const rendered = new Map<Language, Uint8Array>();
  beforeAll(async () => {
    for (const language of LANGUAGES) rendered.set(language, await document.render(language));
  });
  const bytes = (language: Language) => rendered.get(language) ?? new Uint8Array();

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    'in %s carries its own title, verification note and dates, not the Spanish ones',
    async (language) => {
      const text = pdfFlatText(bytes(language));
      const spanish = pdfFlatText(bytes('es'));
      expect(text).toContain(document.title(language));
      expect(text).toContain(PROOF_TEXT[language].verification.note);
      expect(text).not.toContain(PROOF_TEXT.es.verification.note);
      // (Galician's "Certificado de datos" is the Spanish words.)
      if (document.title(language) !== document.title('es')) expect(text).not.toContain(document.title('es'));
      expect(spanish).toContain(document.title('es'));
      expect(text).not.toBe(spanish);
      expect(Buffer.from(bytes(language)).equals(Buffer.from(bytes('es')))).toBe(false);
      // The date in this language's own words.
      const day = proofLocale(language).dateTime.format(AT).split(/,? /)[2] ?? '';
      expect(text).toContain(day);
      // The document says its language (for screen readers and search).
      const pdf = await PDFDocument.load(bytes(language));
      expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe(languageTag(language));
    },
  );

  it('in Spanish is the default', async () => {
    const text = pdfFlatText(bytes('es'));
    expect(text).toContain(PROOF_TEXT.es.verification.heading);
    expect(text).toMatch(/junio de 2030/);
  });
});

describe('the language of a PDF', () => {
  it('is the portal language ?lang= names; anything else is Spanish', () => {
    for (const language of LANGUAGES) expect(proofLanguage(language)).toBe(language);
    for (const other of [undefined, '', 'fr', 'ES', 'ca-ES', ['ca'], 7])
      expect(proofLanguage(other)).toBe('es');
  });

  it('Valencian has its own words and Catalan dates', async () => {
    const valencian = pdfFlatText(await DOCUMENTS['notification receipt'].render('va'));
    const catalan = pdfFlatText(await DOCUMENTS['notification receipt'].render('ca'));
    expect(valencian).toContain('La integritat d’este document es pot comprovar amb este codi en la Carpeta');
    expect(catalan).toContain(
      'La integritat d’aquest document es pot comprovar amb aquest codi a la Carpeta',
    );
    expect(valencian).toContain('1 de juny del 2030');
    expect(catalan).toContain('1 de juny del 2030');
  });

  it('an unknown language renders the Spanish document', async () => {
    const text = pdfFlatText(await DOCUMENTS['registry receipt'].render(proofLanguage('fr')));
    expect(text).toContain(PROOF_TEXT.es.registryReceipt.title);
  });
});

describe('the fonts', () => {
  const leaves = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);

  it('draw every character of every catalogue and date, in the six languages', async () => {
    const pdf = await PDFDocument.create();
    const fonts = await Promise.all(
      [StandardFonts.Helvetica, StandardFonts.HelveticaBold].map((font) => pdf.embedFont(font)),
    );
    for (const language of LANGUAGES) {
      const { dateTime, instant, locale } = proofLocale(language);
      const texts = [
        ...leaves(PROOF_TEXT[language]),
        dateTime.format(AT),
        instant.format(new Date('2030-12-31T23:59:59Z')),
        (1234567).toLocaleString(locale),
      ];
      for (const text of texts) {
        // Nothing replaced by "?", and the font encodes it all.
        expect(winAnsi(text), `${language}: ${text}`).toBe(text);
        for (const font of fonts) expect(() => font.encodeText(text)).not.toThrow();
      }
    }
  });

  it('keep the letters of the six languages in the drawn text', async () => {
    const text = pdfFlatText(await DOCUMENTS['registry receipt'].render('ca'));
    expect(text).toContain('Sol·licitud de l’Eulàlia Ñúñez');
    expect(text).toContain('Eulàlia Ñúñez Güell');
    expect(winAnsi('Coŀlegi\u202Fd’àrea ĿL')).toBe('Col·legi d’àrea L·L');
  });
});
