import type { AlertEventKind } from '@carpeta/sdk/alerts';
import type { Language } from '@carpeta/sdk';

/*
 * What alerts say, in the portal's six languages. By law (Law 39/2015: a notification's content is
 * reached in the folder, where reading it is a legal act) an alert never carries what is waiting —
 * no subject, no issuer, no dates of the item — only that something is waiting and where to see it.
 */

interface Catalogue {
  subject: Record<AlertEventKind, string>;
  body: Record<AlertEventKind, string>;
  /** After the body: why there is nothing more, and the link. {link} is replaced. */
  footer: string;
  codeSubject: string;
  /** {code} and {minutes} are replaced. */
  code: string;
  /** The SMS form: short. {link} is replaced. */
  sms: Record<AlertEventKind, string>;
  smsCode: string;
}

export const ALERT_MESSAGES: Readonly<Record<Language, Catalogue>> = {
  es: {
    subject: {
      'notification-new': 'Tiene una notificación nueva',
      'notification-expiring': 'Una notificación suya caduca pronto',
      'file-requirement': 'Un expediente suyo necesita su respuesta',
      'appointment-reminder': 'Recordatorio: tiene una cita mañana',
      'document-expiring': 'Un documento suyo caduca pronto',
      'ticket-answered': 'Su incidencia tiene respuesta',
    },
    body: {
      'notification-new': 'Tiene una notificación nueva en su Carpeta Ciudadana.',
      'notification-expiring':
        'Tiene una notificación sin abrir que caduca en los próximos días. Si no accede a ella antes de que pasen diez días naturales desde que se puso a su disposición, se entenderá rechazada.',
      'file-requirement':
        'Uno de sus expedientes espera que usted aporte documentación o responda a un requerimiento.',
      'appointment-reminder': 'Le recordamos que tiene una cita previa mañana.',
      'document-expiring': 'Uno de sus documentos (DNI, pasaporte o permiso de conducir) caduca pronto.',
      'ticket-answered': 'La incidencia que registró con Ada, la asistente, tiene respuesta.',
    },
    footer:
      'Por su seguridad, este aviso no incluye el contenido. Consúltelo en su Carpeta Ciudadana: {link}\n\nPuede cambiar qué avisos recibe en la página de avisos de la Carpeta.',
    codeSubject: 'Su código de verificación',
    code: 'Su código de verificación de la Carpeta Ciudadana es {code}. Caduca en {minutes} minutos. Si no lo ha pedido usted, ignore este mensaje.',
    sms: {
      'notification-new': 'Carpeta Ciudadana: tiene una notificación nueva. Consúltela en {link}',
      'notification-expiring': 'Carpeta Ciudadana: una notificación suya caduca pronto. Consúltela en {link}',
      'file-requirement': 'Carpeta Ciudadana: un expediente suyo necesita su respuesta. {link}',
      'appointment-reminder': 'Carpeta Ciudadana: tiene una cita mañana. {link}',
      'document-expiring': 'Carpeta Ciudadana: un documento suyo caduca pronto. {link}',
      'ticket-answered': 'Carpeta Ciudadana: su incidencia tiene respuesta. {link}',
    },
    smsCode: 'Carpeta Ciudadana: su código de verificación es {code}. Caduca en {minutes} minutos.',
  },
  ca: {
    subject: {
      'notification-new': 'Teniu una notificació nova',
      'notification-expiring': 'Una notificació vostra caduca aviat',
      'file-requirement': 'Un expedient vostre necessita la vostra resposta',
      'appointment-reminder': 'Recordatori: teniu una cita demà',
      'document-expiring': 'Un document vostre caduca aviat',
      'ticket-answered': 'La vostra incidència té resposta',
    },
    body: {
      'notification-new': 'Teniu una notificació nova a la vostra Carpeta Ciutadana.',
      'notification-expiring':
        "Teniu una notificació sense obrir que caduca en els propers dies. Si no hi accediu abans que passin deu dies naturals des que es va posar a la vostra disposició, s'entendrà rebutjada.",
      'file-requirement':
        'Un dels vostres expedients espera que aporteu documentació o que responeu a un requeriment.',
      'appointment-reminder': 'Us recordem que teniu una cita prèvia demà.',
      'document-expiring': 'Un dels vostres documents (DNI, passaport o permís de conduir) caduca aviat.',
      'ticket-answered': "La incidència que vau registrar amb l'Ada, l'assistent, té resposta.",
    },
    footer:
      'Per la vostra seguretat, aquest avís no inclou el contingut. Consulteu-lo a la vostra Carpeta Ciutadana: {link}\n\nPodeu canviar quins avisos rebeu a la pàgina d’avisos de la Carpeta.',
    codeSubject: 'El vostre codi de verificació',
    code: 'El vostre codi de verificació de la Carpeta Ciutadana és {code}. Caduca d’aquí a {minutes} minuts. Si no l’heu demanat vosaltres, ignoreu aquest missatge.',
    sms: {
      'notification-new': 'Carpeta Ciutadana: teniu una notificació nova. Consulteu-la a {link}',
      'notification-expiring':
        'Carpeta Ciutadana: una notificació vostra caduca aviat. Consulteu-la a {link}',
      'file-requirement': 'Carpeta Ciutadana: un expedient vostre necessita la vostra resposta. {link}',
      'appointment-reminder': 'Carpeta Ciutadana: teniu una cita demà. {link}',
      'document-expiring': 'Carpeta Ciutadana: un document vostre caduca aviat. {link}',
      'ticket-answered': 'Carpeta Ciutadana: la vostra incidència té resposta. {link}',
    },
    smsCode: 'Carpeta Ciutadana: el vostre codi de verificació és {code}. Caduca d’aquí a {minutes} minuts.',
  },
  gl: {
    subject: {
      'notification-new': 'Ten unha notificación nova',
      'notification-expiring': 'Unha notificación súa caduca pronto',
      'file-requirement': 'Un expediente seu necesita a súa resposta',
      'appointment-reminder': 'Lembranza: ten unha cita mañá',
      'document-expiring': 'Un documento seu caduca pronto',
      'ticket-answered': 'A súa incidencia ten resposta',
    },
    body: {
      'notification-new': 'Ten unha notificación nova na súa Carpeta Cidadá.',
      'notification-expiring':
        'Ten unha notificación sen abrir que caduca nos próximos días. Se non accede a ela antes de que pasen dez días naturais desde que se puxo á súa disposición, entenderase rexeitada.',
      'file-requirement':
        'Un dos seus expedientes agarda que achegue documentación ou que responda a un requirimento.',
      'appointment-reminder': 'Lembrámoslle que ten unha cita previa mañá.',
      'document-expiring': 'Un dos seus documentos (DNI, pasaporte ou permiso de conducir) caduca pronto.',
      'ticket-answered': 'A incidencia que rexistrou con Ada, a asistente, ten resposta.',
    },
    footer:
      'Pola súa seguridade, este aviso non inclúe o contido. Consúlteo na súa Carpeta Cidadá: {link}\n\nPode cambiar que avisos recibe na páxina de avisos da Carpeta.',
    codeSubject: 'O seu código de verificación',
    code: 'O seu código de verificación da Carpeta Cidadá é {code}. Caduca en {minutes} minutos. Se non o pediu vostede, ignore esta mensaxe.',
    sms: {
      'notification-new': 'Carpeta Cidadá: ten unha notificación nova. Consúltea en {link}',
      'notification-expiring': 'Carpeta Cidadá: unha notificación súa caduca pronto. Consúltea en {link}',
      'file-requirement': 'Carpeta Cidadá: un expediente seu necesita a súa resposta. {link}',
      'appointment-reminder': 'Carpeta Cidadá: ten unha cita mañá. {link}',
      'document-expiring': 'Carpeta Cidadá: un documento seu caduca pronto. {link}',
      'ticket-answered': 'Carpeta Cidadá: a súa incidencia ten resposta. {link}',
    },
    smsCode: 'Carpeta Cidadá: o seu código de verificación é {code}. Caduca en {minutes} minutos.',
  },
  eu: {
    subject: {
      'notification-new': 'Jakinarazpen berri bat duzu',
      'notification-expiring': 'Zure jakinarazpen bat laster iraungiko da',
      'file-requirement': 'Zure espediente batek zure erantzuna behar du',
      'appointment-reminder': 'Oroigarria: bihar hitzordu bat duzu',
      'document-expiring': 'Zure agiri bat laster iraungiko da',
      'ticket-answered': 'Zure gorabeherak erantzuna du',
    },
    body: {
      'notification-new': 'Jakinarazpen berri bat duzu zure Herritarren Karpetan.',
      'notification-expiring':
        'Ireki gabeko jakinarazpen bat duzu, eta datozen egunetan iraungiko da. Zure eskura jarri zenetik hamar egun natural igaro baino lehen sartzen ez bazara, baztertutzat joko da.',
      'file-requirement':
        'Zure espedienteetako batek agiriak aurkeztea edo errekerimendu bati erantzutea itxaroten du.',
      'appointment-reminder': 'Gogorarazten dizugu bihar aurretiko hitzordu bat duzula.',
      'document-expiring': 'Zure agirietako bat (NANa, pasaportea edo gidabaimena) laster iraungiko da.',
      'ticket-answered': 'Ada laguntzailearekin erregistratu zenuen gorabeherak erantzuna du.',
    },
    footer:
      'Zure segurtasunerako, abisu honek ez du edukia jasotzen. Kontsultatu zure Herritarren Karpetan: {link}\n\nZer abisu jasotzen dituzun Karpetako abisuen orrian alda dezakezu.',
    codeSubject: 'Zure egiaztapen-kodea',
    code: 'Herritarren Karpetako zure egiaztapen-kodea {code} da. {minutes} minututan iraungiko da. Zuk eskatu ez baduzu, ez egin kasurik mezu honi.',
    sms: {
      'notification-new': 'Herritarren Karpeta: jakinarazpen berri bat duzu. Kontsultatu hemen: {link}',
      'notification-expiring':
        'Herritarren Karpeta: zure jakinarazpen bat laster iraungiko da. Kontsultatu hemen: {link}',
      'file-requirement': 'Herritarren Karpeta: zure espediente batek zure erantzuna behar du. {link}',
      'appointment-reminder': 'Herritarren Karpeta: bihar hitzordu bat duzu. {link}',
      'document-expiring': 'Herritarren Karpeta: zure agiri bat laster iraungiko da. {link}',
      'ticket-answered': 'Herritarren Karpeta: zure gorabeherak erantzuna du. {link}',
    },
    smsCode: 'Herritarren Karpeta: zure egiaztapen-kodea {code} da. {minutes} minututan iraungiko da.',
  },
  va: {
    subject: {
      'notification-new': 'Té una notificació nova',
      'notification-expiring': 'Una notificació seua caduca prompte',
      'file-requirement': 'Un expedient seu necessita la seua resposta',
      'appointment-reminder': 'Recordatori: té una cita demà',
      'document-expiring': 'Un document seu caduca prompte',
      'ticket-answered': 'La seua incidència té resposta',
    },
    body: {
      'notification-new': 'Té una notificació nova en la seua Carpeta Ciutadana.',
      'notification-expiring':
        "Té una notificació sense obrir que caduca en els pròxims dies. Si no hi accedix abans que passen deu dies naturals des que es va posar a la seua disposició, s'entendrà rebutjada.",
      'file-requirement':
        'Un dels seus expedients espera que aporte documentació o que responga a un requeriment.',
      'appointment-reminder': 'Li recordem que té una cita prèvia demà.',
      'document-expiring': 'Un dels seus documents (DNI, passaport o permís de conduir) caduca prompte.',
      'ticket-answered': "La incidència que va registrar amb Ada, l'assistent, té resposta.",
    },
    footer:
      'Per la seua seguretat, este avís no inclou el contingut. Consulte-ho en la seua Carpeta Ciutadana: {link}\n\nPot canviar quins avisos rep en la pàgina d’avisos de la Carpeta.',
    codeSubject: 'El seu codi de verificació',
    code: 'El seu codi de verificació de la Carpeta Ciutadana és {code}. Caduca d’ací a {minutes} minuts. Si no l’ha demanat vosté, ignore este missatge.',
    sms: {
      'notification-new': 'Carpeta Ciutadana: té una notificació nova. Consulte-la en {link}',
      'notification-expiring':
        'Carpeta Ciutadana: una notificació seua caduca prompte. Consulte-la en {link}',
      'file-requirement': 'Carpeta Ciutadana: un expedient seu necessita la seua resposta. {link}',
      'appointment-reminder': 'Carpeta Ciutadana: té una cita demà. {link}',
      'document-expiring': 'Carpeta Ciutadana: un document seu caduca prompte. {link}',
      'ticket-answered': 'Carpeta Ciutadana: la seua incidència té resposta. {link}',
    },
    smsCode: 'Carpeta Ciutadana: el seu codi de verificació és {code}. Caduca d’ací a {minutes} minuts.',
  },
  en: {
    subject: {
      'notification-new': 'You have a new notification',
      'notification-expiring': 'A notification of yours expires soon',
      'file-requirement': 'One of your files needs your answer',
      'appointment-reminder': 'Reminder: you have an appointment tomorrow',
      'document-expiring': 'One of your documents expires soon',
      'ticket-answered': 'Your incident has an answer',
    },
    body: {
      'notification-new': 'You have a new notification in your Carpeta Ciudadana.',
      'notification-expiring':
        'You have an unopened notification that expires in the coming days. If you do not open it within ten calendar days of it being made available to you, it will be deemed rejected.',
      'file-requirement': 'One of your files is waiting for you to provide documents or answer a request.',
      'appointment-reminder': 'This is a reminder that you have an appointment tomorrow.',
      'document-expiring': 'One of your documents (identity card, passport or driving licence) expires soon.',
      'ticket-answered': 'The incident you filed with Ada, the assistant, has an answer.',
    },
    footer:
      'For your security, this alert does not include the content. Read it in your Carpeta Ciudadana: {link}\n\nYou can change which alerts you receive on the Carpeta’s alerts page.',
    codeSubject: 'Your verification code',
    code: 'Your Carpeta Ciudadana verification code is {code}. It expires in {minutes} minutes. If you did not ask for it, ignore this message.',
    sms: {
      'notification-new': 'Carpeta Ciudadana: you have a new notification. Read it at {link}',
      'notification-expiring': 'Carpeta Ciudadana: a notification of yours expires soon. Read it at {link}',
      'file-requirement': 'Carpeta Ciudadana: one of your files needs your answer. {link}',
      'appointment-reminder': 'Carpeta Ciudadana: you have an appointment tomorrow. {link}',
      'document-expiring': 'Carpeta Ciudadana: one of your documents expires soon. {link}',
      'ticket-answered': 'Carpeta Ciudadana: your incident has an answer. {link}',
    },
    smsCode: 'Carpeta Ciudadana: your verification code is {code}. It expires in {minutes} minutes.',
  },
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

export interface ComposedMessage {
  subject: string;
  text: string;
  /** The short form for SMS. */
  short: string;
}

/** An alert's texts: that something is waiting and the link, never what it is. */
export function composeAlert(language: Language, event: AlertEventKind, link: string): ComposedMessage {
  const catalogue = ALERT_MESSAGES[language];
  return {
    subject: catalogue.subject[event],
    text: `${catalogue.body[event]}\n\n${fill(catalogue.footer, { link })}\n`,
    short: fill(catalogue.sms[event], { link }),
  };
}

/** A verification code's texts. */
export function composeCode(language: Language, code: string, minutes: number): ComposedMessage {
  const catalogue = ALERT_MESSAGES[language];
  const values = { code, minutes: String(minutes) };
  return {
    subject: catalogue.codeSubject,
    text: `${fill(catalogue.code, values)}\n`,
    short: fill(catalogue.smsCode, values),
  };
}
