import { describe, expect, it } from 'vitest';
import {
  attachmentTypeOf,
  checkAttachments,
  REGISTRY_API,
  REGISTRY_ATTACHMENT_ACCEPT,
  REGISTRY_ATTACHMENT_LIMITS,
  registryForm,
  registrySubmissionFieldsSchema,
} from './registry.ts';

const MB = 1024 * 1024;

describe('the registry contract', () => {
  it('knows a file’s type by its declared type and extension, which must agree', () => {
    expect(attachmentTypeOf({ name: 'a.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(attachmentTypeOf({ name: 'a.PDF', type: '' })).toBe('application/pdf');
    expect(attachmentTypeOf({ name: 'photo.jpeg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(attachmentTypeOf({ name: 'data.xml', type: 'text/xml' })).toBe('application/xml');
    expect(attachmentTypeOf({ name: 'a.pdf', type: 'image/png' })).toBeNull();
    expect(attachmentTypeOf({ name: 'a.exe', type: 'application/octet-stream' })).toBeNull();
    expect(attachmentTypeOf({ name: 'a.docx', type: 'application/vnd.ms-word' })).toBeNull();
    expect(REGISTRY_ATTACHMENT_ACCEPT).toContain('.pdf');
  });

  it('checks the count, sizes, types and names of the files', () => {
    const pdf = (name: string, size: number) => ({ name, size, type: 'application/pdf' });
    expect(checkAttachments([pdf('a.pdf', MB), pdf('b.pdf', 2 * MB)])).toEqual([]);
    expect(checkAttachments([pdf('a.pdf', 10 * MB + 1)])).toEqual([
      { code: 'too-large', name: 'a.pdf', max: REGISTRY_ATTACHMENT_LIMITS.maxFileBytes },
    ]);
    expect(checkAttachments([pdf('a.pdf', 9 * MB), pdf('b.pdf', 9 * MB)])).toEqual([
      { code: 'too-large-total', max: REGISTRY_ATTACHMENT_LIMITS.maxTotalBytes },
    ]);
    expect(checkAttachments(Array.from({ length: 6 }, (_, i) => pdf(`${i}.pdf`, 10)))[0]).toEqual({
      code: 'too-many',
      max: 5,
    });
    expect(checkAttachments([pdf('empty.pdf', 0)])).toEqual([{ code: 'empty', name: 'empty.pdf' }]);
    expect(checkAttachments([{ name: 'x.exe', size: 3, type: '' }])).toEqual([
      { code: 'type-not-allowed', name: 'x.exe' },
    ]);
    expect(checkAttachments([pdf('../a.pdf', 3)])).toEqual([{ code: 'bad-name', name: '../a.pdf' }]);
    expect(checkAttachments([pdf(`${'x'.repeat(150)}.pdf`, 3)])[0]?.code).toBe('bad-name');
  });

  it('trims and bounds the text fields, and builds the form fields first', async () => {
    const fields = registrySubmissionFieldsSchema.parse({
      bodyDir3: 'L01280796',
      subject: '  Licencia de obra menor ',
      facts: 'Hechos',
      request: 'Solicito',
    });
    expect(fields.subject).toBe('Licencia de obra menor');
    expect(registrySubmissionFieldsSchema.safeParse({ ...fields, subject: 'x'.repeat(241) }).success).toBe(
      false,
    );
    expect(registrySubmissionFieldsSchema.safeParse({ ...fields, facts: '   ' }).success).toBe(false);
    expect(registrySubmissionFieldsSchema.safeParse({ ...fields, bodyDir3: 'madrid' }).success).toBe(false);
    const form = registryForm(fields, [new File(['%PDF-1.7'], 'a.pdf', { type: 'application/pdf' })]);
    expect([...form.keys()]).toEqual(['bodyDir3', 'subject', 'facts', 'request', 'attachments']);
    expect(REGISTRY_API.receipt('abc', 'en')).toBe('/api/registry/submissions/abc/receipt.pdf?lang=en');
  });
});
