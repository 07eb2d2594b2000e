import type { VerifyMessages } from '../verify-messages.ts';

export const va: VerifyMessages = {
  title: 'Comprovar un certificat',
  intro:
    'Comprova si un certificat de la Carpeta Ciutadana és autèntic. Escriu el seu codi segur de verificació (CSV) i tria el fitxer PDF. El fitxer no ix del teu dispositiu: només se n’envia l’empremta digital (SHA-256).',
  code: 'Codi segur de verificació (CSV)',
  codeHint: 'Està al peu del certificat, al costat del codi QR. Per exemple: 7K3M-…',
  file: 'Certificat (PDF)',
  check: 'Comprova',
  checking: 'S’està comprovant…',
  errorPrefix: 'Error:',
  missingCode: 'Escriu el codi segur de verificació.',
  missingFile: 'Tria el fitxer del certificat.',
  genuineTitle: 'El certificat és autèntic',
  genuineBody: 'És exactament el document emés amb este codi el {{date}}.',
  alteredTitle: 'El certificat no coincidix',
  alteredBody:
    'El fitxer no és el que es va emetre amb este codi: pot haver sigut modificat. No el dones per vàlid.',
  unknownTitle: 'No hi ha cap certificat amb este codi',
  unknownBody: 'Comprova que l’has escrit bé.',
  throttledTitle: 'Massa intents',
  throttledBody: 'Has fet moltes comprovacions seguides. Espera un minut i torna a intentar-ho.',
  failedTitle: 'No ho hem pogut comprovar',
};
