import { createHash } from 'node:crypto';
import {
  type AttachmentProblem,
  attachmentTypeOf,
  checkAttachments,
  REGISTRY_ATTACHMENT_LIMITS,
  REGISTRY_TEXT_MAX,
  type RegistryAttachmentType,
} from '@carpeta/sdk/registry';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';

/*
 * Reading a registry submission (multipart/form-data) with the contract's limits, enforced while
 * the bytes arrive (a file over the limit is not read to its end), and each file's type sniffed
 * from its bytes: a "report.pdf" that is not a PDF is refused, whatever its declared type.
 */

export interface ReceivedFile {
  name: string;
  type: RegistryAttachmentType;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

export type ReadSubmission =
  | { ok: true; fields: Record<string, string>; files: ReceivedFile[] }
  | { ok: false; status: 400 | 413; message: string };

const MB = 1024 * 1024;
const TEXT_FIELDS = new Set(['bodyDir3', 'subject', 'facts', 'request']);

/** A message for the first problem, in the gateway's words (the MFE has its own, from the sdk's codes). */
export function problemMessage(problem: AttachmentProblem): { status: 400 | 413; message: string } {
  switch (problem.code) {
    case 'too-many':
      return { status: 413, message: `Attach at most ${problem.max} files.` };
    case 'too-large':
      return { status: 413, message: `The file "${problem.name}" is larger than ${problem.max / MB} MB.` };
    case 'too-large-total':
      return { status: 413, message: `The files are larger than ${problem.max / MB} MB in all.` };
    case 'empty':
      return { status: 400, message: `The file "${problem.name}" is empty.` };
    case 'type-not-allowed':
      return {
        status: 400,
        message: `The file "${problem.name}" is not of an accepted type (PDF, JPEG, PNG or XML).`,
      };
    case 'bad-name':
      return { status: 400, message: `The name of the file "${problem.name}" is not valid.` };
  }
}

/** The type the bytes show (PDF, JPEG, PNG by their signatures; XML by its declaration or first element). */
export async function sniffType(bytes: Uint8Array): Promise<RegistryAttachmentType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const mime = detected.mime === 'text/xml' ? 'application/xml' : detected.mime;
    return mime === 'application/pdf' ||
      mime === 'image/jpeg' ||
      mime === 'image/png' ||
      mime === 'application/xml'
      ? mime
      : null;
  }
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<?xml') || /^<[A-Za-z_][\w.:-]*[\s>/]/.test(head)) return 'application/xml';
  return null;
}

const label: Record<RegistryAttachmentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'application/xml': 'XML document',
};

/** Reads the form: the text fields and the files, checked against the limits and sniffed. */
export async function readSubmission(request: FastifyRequest): Promise<ReadSubmission> {
  if (!request.isMultipart()) {
    return { ok: false, status: 400, message: 'Send the submission as multipart/form-data.' };
  }
  const limits = REGISTRY_ATTACHMENT_LIMITS;
  const fields: Record<string, string> = {};
  const raw: { name: string; declared: string; bytes: Uint8Array }[] = [];
  let total = 0;
  try {
    const parts = request.parts({
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fields: TEXT_FIELDS.size,
        // A field of 4,000 characters is at most 16,000 bytes of UTF-8.
        fieldSize: REGISTRY_TEXT_MAX * 4,
        // Room for one file too many, so that it is reported as such.
        parts: limits.maxFiles + TEXT_FIELDS.size + 1,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!TEXT_FIELDS.has(part.fieldname) || typeof part.value !== 'string' || part.fieldname in fields) {
          return { ok: false, status: 400, message: `The form has an unexpected field "${part.fieldname}".` };
        }
        if (part.valueTruncated) {
          return { ok: false, status: 400, message: `The field "${part.fieldname}" is too long.` };
        }
        fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'attachments') {
        await part.toBuffer().catch(() => undefined);
        return { ok: false, status: 400, message: 'Attach files in the "attachments" field.' };
      }
      const bytes = new Uint8Array(await part.toBuffer());
      total += bytes.byteLength;
      raw.push({ name: part.filename, declared: part.mimetype, bytes });
      if (total > limits.maxTotalBytes) {
        return { ok: false, ...problemMessage({ code: 'too-large-total', max: limits.maxTotalBytes }) };
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      return { ok: false, status: 413, message: `Each file may be at most ${limits.maxFileBytes / MB} MB.` };
    }
    if (code === 'FST_FILES_LIMIT')
      return { ok: false, ...problemMessage({ code: 'too-many', max: limits.maxFiles }) };
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      return { ok: false, status: 413, message: 'The form has too many fields or files.' };
    }
    if (code === 'FST_PROTO_VIOLATION' || code === 'FST_MP_PREMATURE_CLOSE') {
      return { ok: false, status: 400, message: 'The form could not be read.' };
    }
    throw error;
  }

  const problems = checkAttachments(
    raw.map((file) => ({ name: file.name, size: file.bytes.byteLength, type: file.declared })),
  );
  const [first] = problems;
  if (first) return { ok: false, ...problemMessage(first) };

  const files: ReceivedFile[] = [];
  for (const file of raw) {
    const declared = attachmentTypeOf({ name: file.name, type: file.declared });
    const actual = await sniffType(file.bytes);
    if (declared === null || actual !== declared) {
      return {
        ok: false,
        status: 400,
        message: `The file "${file.name}" is not really a ${declared ? label[declared] : 'file of an accepted type'}: its content is ${actual ? `a ${label[actual]}` : 'of another type'}.`,
      };
    }
    files.push({
      name: file.name,
      type: declared,
      size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      bytes: file.bytes,
    });
  }
  return { ok: true, fields, files };
}
