import type { VerifyMessages } from '../verify-messages.ts';

export const ca: VerifyMessages = {
  title: 'Comprovar un certificat',
  intro:
    'Comprova si un certificat de la Carpeta Ciutadana és autèntic. Escriu-ne el codi segur de verificació (CSV) i tria el fitxer PDF. El fitxer no surt del teu dispositiu: només se n’envia l’empremta digital (SHA-256).',
  code: 'Codi segur de verificació (CSV)',
  codeHint: 'És al peu del certificat, al costat del codi QR. Per exemple: 7K3M-…',
  file: 'Certificat (PDF)',
  check: 'Comprova',
  checking: 'S’està comprovant…',
  errorPrefix: 'Error:',
  missingCode: 'Escriu el codi segur de verificació.',
  missingFile: 'Tria el fitxer del certificat.',
  genuineTitle: 'El certificat és autèntic',
  genuineBody: 'És exactament el document emès amb aquest codi el {{date}}.',
  alteredTitle: 'El certificat no coincideix',
  alteredBody:
    'El fitxer no és el que es va emetre amb aquest codi: pot haver estat modificat. No el donis per vàlid.',
  unknownTitle: 'No hi ha cap certificat amb aquest codi',
  unknownBody: 'Comprova que l’has escrit bé.',
  throttledTitle: 'Massa intents',
  throttledBody: 'Has fet moltes comprovacions seguides. Espera un minut i torna-ho a provar.',
  failedTitle: 'No ho hem pogut comprovar',
};
