import type { Messages } from '../messages.ts';

export const gl: Messages = {
  languageName: 'Galego',
  languageNav: 'Idioma',
  skipLink: 'Saltar ao contido principal',
  serviceName: 'Cl@ve',
  simulatedTag: 'Simulado',
  simulatedNote:
    'Provedor de identidade simulado para probas. Non é Cl@ve: non escribas aquí datos nin contrasinais reais.',
  footerNote: 'Simulación de Cl@ve do proxecto Carpeta, só para desenvolvemento e probas.',
  titleSuffix: 'Cl@ve (simulado)',
  errorTitlePrefix: 'Erro: ',
  errorSummaryTitle: 'Hai un problema',
  errorPrefix: 'Erro:',
  step: (current, total) => `Paso ${current} de ${total}`,
  levels: { substantial: 'substancial', high: 'alto' },
  levelLabel: (level) => `Nivel de seguridade ${level}`,
  methods: {
    'clave-movil': {
      label: 'Cl@ve Móvil',
      hint: 'Confirmas a túa identidade desde a aplicación Cl@ve do teu móbil.',
    },
    'clave-pin': {
      label: 'Cl@ve PIN',
      hint: 'Un código dun só uso que recibes por SMS e que vale 10 minutos.',
    },
    'clave-permanente': {
      label: 'Cl@ve permanente',
      hint: 'Usuario e contrasinal, cun código por SMS para os servizos máis sensibles.',
    },
    certificate: {
      label: 'Certificado electrónico',
      hint: 'Un certificado recoñecido instalado no teu navegador ou no teu dispositivo.',
    },
    dnie: {
      label: 'DNI electrónico (DNIe)',
      hint: 'O teu documento nacional de identidade electrónico, cun lector ou por NFC.',
    },
  },
  method: {
    title: 'Escolle como identificarte',
    hint: 'Cada método ten un nivel de seguridade. Carpeta pedirache un máis alto para algúns trámites.',
    stepUp:
      'Este trámite necesita un nivel de seguridade alto: só podes identificarte con certificado electrónico ou DNIe.',
    required: 'Escolle un método para identificarte',
    continue: 'Continuar',
    cancel: 'Cancelar',
  },
  citizen: {
    title: 'Escolle con que persoa de proba entrar',
    hint: (method) =>
      `Simulación de ${method}: en lugar de identificarte, escolles unha identidade de proba.`,
    required: 'Escolle unha persoa de proba',
    testOnly: 'Só para probas automáticas: datos hostís',
    maintainer: 'Persoal de mantemento do portal, non é unha persoa cidadá',
    document: (type, number) => `${type} ${number}`,
    smsTitle: 'SMS simulado',
    smsText: 'O teu código Cl@ve PIN é:',
    smsExpiry: 'Caduca en 10 minutos. Non o compartas con ninguén.',
    codeLabel: 'Código Cl@ve PIN',
    codeHint: 'O código de 6 cifras que recibiches por SMS.',
    codeRequired: 'Escribe o código Cl@ve PIN que recibiches por SMS',
    codeWrong: 'O código Cl@ve PIN non é correcto. Compróbao e volve escribilo',
    codeExpired: 'O código Cl@ve PIN caducou. Enviámosche un novo',
    otherMethod: 'Escoller outro método',
    continue: 'Continuar',
    cancel: 'Cancelar',
  },
  consent: {
    title: 'Compartir os teus datos con Carpeta',
    intro: (client) => `${client} recibirá estes datos para identificarte:`,
    givenName: 'Nome',
    surnames: 'Apelidos',
    document: 'NIF ou NIE',
    level: 'Nivel de seguridade',
    accept: 'Aceptar e continuar',
    cancel: 'Cancelar',
  },
  logout: {
    title: 'Pechando a túa sesión',
    text: 'Estamos a pechar a túa sesión de Cl@ve e levarémoste de volta a Carpeta.',
    button: 'Pechar a sesión e volver',
  },
  loggedOut: {
    title: 'Pechaches a sesión',
    text: 'A túa sesión de Cl@ve rematou. Xa podes pechar esta páxina.',
  },
  error: {
    title: 'Non se puido completar a identificación',
    text: 'Volve a Carpeta e téntao de novo.',
    expiredTitle: 'A identificación caducou',
    expiredText: 'Pasou demasiado tempo ou a páxina xa se usara. Volve a Carpeta e comeza de novo.',
    forbiddenTitle: 'Non se puido enviar o formulario',
    forbiddenText: 'O formulario non é válido ou caducou. Volve a Carpeta e comeza de novo.',
    notFoundTitle: 'Non se atopou a páxina',
    notFoundText: 'Este enderezo non existe no provedor de identidade.',
  },
};
