import type { Messages } from '../messages.ts';

export const eu: Messages = {
  languageName: 'Euskara',
  languageNav: 'Hizkuntza',
  skipLink: 'Joan eduki nagusira',
  serviceName: 'Cl@ve',
  simulatedTag: 'Simulatua',
  simulatedNote:
    'Probetarako identitate-hornitzaile simulatua. Ez da Cl@ve: ez idatzi hemen benetako daturik edo pasahitzik.',
  footerNote: 'Carpeta proiektuaren Cl@ve simulazioa, garapenerako eta probetarako soilik.',
  titleSuffix: 'Cl@ve (simulatua)',
  errorTitlePrefix: 'Errorea: ',
  errorSummaryTitle: 'Arazo bat dago',
  errorPrefix: 'Errorea:',
  step: (current, total) => `${current}. urratsa (guztira ${total})`,
  levels: { substantial: 'nabarmena', high: 'altua' },
  levelLabel: (level) => `Segurtasun-maila: ${level}`,
  methods: {
    'clave-movil': {
      label: 'Cl@ve Móvil',
      hint: 'Zure identitatea mugikorreko Cl@ve aplikaziotik berresten duzu.',
    },
    'clave-pin': {
      label: 'Cl@ve PIN',
      hint: 'SMS bidez jasotzen duzun erabilera bakarreko kodea, 10 minutuz balio duena.',
    },
    'clave-permanente': {
      label: 'Cl@ve permanente',
      hint: 'Erabiltzailea eta pasahitza, eta SMS bidezko kodea zerbitzu sentikorrenetarako.',
    },
    certificate: {
      label: 'Ziurtagiri elektronikoa',
      hint: 'Zure nabigatzailean edo gailuan instalatutako ziurtagiri aitortua.',
    },
    dnie: {
      label: 'NAN elektronikoa (NANe)',
      hint: 'Zure nortasun-agiri nazional elektronikoa, irakurgailu batekin edo NFC bidez.',
    },
  },
  method: {
    title: 'Aukeratu nola identifikatu',
    hint: 'Metodo bakoitzak segurtasun-maila bat du. Izapide batzuetarako Carpetak maila altuagoa eskatuko dizu.',
    stepUp:
      'Izapide honek segurtasun-maila altua behar du: ziurtagiri elektronikoarekin edo NANe-rekin bakarrik identifika zaitezke.',
    required: 'Aukeratu identifikatzeko metodo bat',
    continue: 'Jarraitu',
    cancel: 'Utzi',
  },
  citizen: {
    title: 'Aukeratu zein proba-pertsonarekin sartu',
    hint: (method) => `${method} simulazioa: identifikatu beharrean, proba-identitate bat aukeratzen duzu.`,
    required: 'Aukeratu proba-pertsona bat',
    testOnly: 'Proba automatikoetarako soilik: datu arriskutsuak',
    maintainer: 'Atariko mantentze-langilea, ez da herritarra',
    document: (type, number) => `${type} ${number}`,
    smsTitle: 'SMS simulatua',
    smsText: 'Zure Cl@ve PIN kodea hau da:',
    smsExpiry: '10 minututan iraungiko da. Ez partekatu inorekin.',
    codeLabel: 'Cl@ve PIN kodea',
    codeHint: 'SMS bidez jaso duzun 6 digituko kodea.',
    codeRequired: 'Idatzi SMS bidez jaso duzun Cl@ve PIN kodea',
    codeWrong: 'Cl@ve PIN kodea ez da zuzena. Egiaztatu eta idatzi berriro',
    codeExpired: 'Cl@ve PIN kodea iraungi da. Beste bat bidali dizugu',
    otherMethod: 'Aukeratu beste metodo bat',
    continue: 'Jarraitu',
    cancel: 'Utzi',
  },
  consent: {
    title: 'Partekatu zure datuak Carpetarekin',
    intro: (client) => `${client} zerbitzuak datu hauek jasoko ditu zu identifikatzeko:`,
    givenName: 'Izena',
    surnames: 'Abizenak',
    document: 'IFZ edo AIZ',
    level: 'Segurtasun-maila',
    accept: 'Onartu eta jarraitu',
    cancel: 'Utzi',
  },
  logout: {
    title: 'Zure saioa ixten',
    text: 'Zure Cl@ve saioa ixten ari gara eta Carpetara eramango zaitugu.',
    button: 'Itxi saioa eta itzuli',
  },
  loggedOut: {
    title: 'Saioa itxi duzu',
    text: 'Zure Cl@ve saioa amaitu da. Orri hau itxi dezakezu.',
  },
  error: {
    title: 'Ezin izan da identifikazioa osatu',
    text: 'Itzuli Carpetara eta saiatu berriro.',
    expiredTitle: 'Identifikazioa iraungi da',
    expiredText:
      'Denbora gehiegi igaro da edo orria lehendik erabilia zen. Itzuli Carpetara eta hasi berriro.',
    forbiddenTitle: 'Ezin izan da formularioa bidali',
    forbiddenText: 'Formularioa ez da baliozkoa edo iraungi da. Itzuli Carpetara eta hasi berriro.',
    notFoundTitle: 'Ez da orria aurkitu',
    notFoundText: 'Helbide hau ez dago identitate-hornitzailean.',
  },
};
