import type { VerifyMessages } from '../verify-messages.ts';

export const eu: VerifyMessages = {
  title: 'Ziurtagiri bat egiaztatu',
  intro:
    'Egiaztatu Herritarren Karpetako ziurtagiri bat benetakoa den. Idatzi haren egiaztapen-kode segurua (EKS) eta aukeratu PDF fitxategia. Fitxategia ez da zure gailutik ateratzen: haren hatz-marka digitala (SHA-256) baino ez da bidaltzen.',
  code: 'Egiaztapen-kode segurua (EKS)',
  codeHint: 'Ziurtagiriaren oinean dago, QR kodearen ondoan. Adibidez: 7K3M-…',
  file: 'Ziurtagiria (PDF)',
  check: 'Egiaztatu',
  checking: 'Egiaztatzen…',
  errorPrefix: 'Errorea:',
  missingCode: 'Idatzi egiaztapen-kode segurua.',
  missingFile: 'Aukeratu ziurtagiriaren fitxategia.',
  genuineTitle: 'Ziurtagiria benetakoa da',
  genuineBody: 'Kode honekin {{date}} egunean emandako dokumentua da, zehazki.',
  alteredTitle: 'Ziurtagiria ez dator bat',
  alteredBody: 'Fitxategia ez da kode honekin eman zena: baliteke aldatuta egotea. Ez eman baliozkotzat.',
  unknownTitle: 'Ez dago kode hori duen ziurtagiririk',
  unknownBody: 'Egiaztatu ondo idatzi duzula.',
  throttledTitle: 'Saiakera gehiegi',
  throttledBody: 'Egiaztapen asko egin dituzu jarraian. Itxaron minutu bat eta saiatu berriro.',
  failedTitle: 'Ezin izan dugu egiaztatu',
};
