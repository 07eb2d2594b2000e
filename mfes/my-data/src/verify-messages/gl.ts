import type { VerifyMessages } from '../verify-messages.ts';

export const gl: VerifyMessages = {
  title: 'Comprobar un certificado',
  intro:
    'Comproba se un certificado da Carpeta Cidadá é auténtico. Escribe o seu código seguro de verificación (CSV) e escolle o ficheiro PDF. O ficheiro non sae do teu dispositivo: só se envía a súa pegada dixital (SHA-256).',
  code: 'Código seguro de verificación (CSV)',
  codeHint: 'Está ao pé do certificado, xunto ao código QR. Por exemplo: 7K3M-…',
  file: 'Certificado (PDF)',
  check: 'Comprobar',
  checking: 'Comprobando…',
  errorPrefix: 'Erro:',
  missingCode: 'Escribe o código seguro de verificación.',
  missingFile: 'Escolle o ficheiro do certificado.',
  genuineTitle: 'O certificado é auténtico',
  genuineBody: 'É exactamente o documento emitido con este código o {{date}}.',
  alteredTitle: 'O certificado non coincide',
  alteredBody:
    'O ficheiro non é o que se emitiu con este código: pode ter sido modificado. Non o deas por válido.',
  unknownTitle: 'Non existe ningún certificado con este código',
  unknownBody: 'Comproba que o escribiches ben.',
  throttledTitle: 'Demasiados intentos',
  throttledBody: 'Fixeches moitas comprobacións seguidas. Agarda un minuto e volve tentalo.',
  failedTitle: 'Non puidemos comprobalo',
};
