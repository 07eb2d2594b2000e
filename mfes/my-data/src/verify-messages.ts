import type { Catalog, Localized } from '@carpeta/sdk';
import { ca } from './verify-messages/ca.ts';
import { eu } from './verify-messages/eu.ts';
import { gl } from './verify-messages/gl.ts';
import { va } from './verify-messages/va.ts';

const es = {
  title: 'Comprobar un certificado',
  intro:
    'Comprueba si un certificado de la Carpeta Ciudadana es auténtico. Escribe su código seguro de verificación (CSV) y elige el fichero PDF. El fichero no sale de tu dispositivo: solo se envía su huella digital (SHA-256).',
  code: 'Código seguro de verificación (CSV)',
  codeHint: 'Está al pie del certificado, junto al código QR. Por ejemplo: 7K3M-…',
  file: 'Certificado (PDF)',
  check: 'Comprobar',
  checking: 'Comprobando…',
  errorPrefix: 'Error:',
  missingCode: 'Escribe el código seguro de verificación.',
  missingFile: 'Elige el fichero del certificado.',
  genuineTitle: 'El certificado es auténtico',
  genuineBody: 'Es exactamente el documento emitido con este código el {{date}}.',
  alteredTitle: 'El certificado no coincide',
  alteredBody:
    'El fichero no es el que se emitió con este código: puede haber sido modificado. No lo des por válido.',
  unknownTitle: 'No existe ningún certificado con este código',
  unknownBody: 'Comprueba que lo has escrito bien.',
  throttledTitle: 'Demasiados intentos',
  throttledBody: 'Has hecho muchas comprobaciones seguidas. Espera un minuto y vuelve a intentarlo.',
  failedTitle: 'No hemos podido comprobarlo',
};

/** The shape of every language's messages: the Spanish keys (see `Localized`). */
export type VerifyMessages = Localized<typeof es>;

const en: VerifyMessages = {
  title: 'Verify a certificate',
  intro:
    'Check whether a Carpeta Ciudadana certificate is genuine. Type its secure verification code (CSV) and choose the PDF file. The file does not leave your device: only its fingerprint (SHA-256) is sent.',
  code: 'Secure verification code (CSV)',
  codeHint: 'It is at the foot of the certificate, next to the QR code. For example: 7K3M-…',
  file: 'Certificate (PDF)',
  check: 'Verify',
  checking: 'Verifying…',
  errorPrefix: 'Error:',
  missingCode: 'Type the secure verification code.',
  missingFile: 'Choose the certificate file.',
  genuineTitle: 'The certificate is genuine',
  genuineBody: 'It is exactly the document issued with this code on {{date}}.',
  alteredTitle: 'The certificate does not match',
  alteredBody: 'The file is not the one issued with this code: it may have been altered. Do not accept it.',
  unknownTitle: 'There is no certificate with this code',
  unknownBody: 'Check that you typed it correctly.',
  throttledTitle: 'Too many attempts',
  throttledBody: 'You made many checks in a row. Wait a minute and try again.',
  failedTitle: 'We could not verify it',
};

export const verifyMessages = { es, ca, gl, eu, va, en } satisfies Catalog<typeof es>;
