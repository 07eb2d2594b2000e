import type { Language } from '@carpeta/sdk';

/*
 * The accessibility statement's words (RD 1112/2018, model of Decision (EU) 2018/1523) in every
 * portal language. They are not in the shell's catalogue (only the page's title is, for the
 * document title): the browser loads them with the statement, in the chunk of audit-summary-data.ts,
 * so no other route carries them; the gateway's server render has them at start.
 */

const es = {
  intro:
    'Carpeta se ha comprometido a hacer accesible su sitio web de conformidad con el Real Decreto 1112/2018, de 7 de septiembre, sobre accesibilidad de los sitios web y aplicaciones para dispositivos móviles del sector público. Esta declaración se aplica a todo el portal, incluidos los servicios que incorporan las administraciones participantes.',
  statusTitle: 'Situación de cumplimiento',
  status:
    'Este sitio web es parcialmente conforme con el RD 1112/2018 (norma UNE-EN 301 549, equivalente a las WCAG 2.1 niveles A y AA) debido a la falta de conformidad de los aspectos que se indican a continuación.',
  auditClean:
    'La última auditoría automática ({{pages}} páginas) no encontró ningún incumplimiento de las WCAG 2.1 A/AA.',
  auditFound:
    'La última auditoría automática ({{pages}} páginas) encontró {{count}} incumplimientos de las WCAG 2.1 A/AA, que se indican a continuación.',
  auditItem: '{{owner}} ({{area}}): {{rule}}, en {{pages}} páginas.',
  nonAccessibleTitle: 'Contenido no accesible',
  nonAccessible: {
    audit:
      'Aún no se ha realizado una auditoría manual completa por personas expertas ni pruebas con usuarios de tecnologías de apoyo; la evaluación es automática y por teclado.',
    documents:
      'Los documentos que emiten las administraciones (por ejemplo, PDF de notificaciones) son responsabilidad de cada organismo emisor y pueden no ser accesibles.',
    services:
      'Los servicios de administraciones participantes se verifican al incorporarse, pero pueden cambiar después de la revisión.',
  },
  preparationTitle: 'Preparación de la presente declaración',
  preparation:
    'Esta declaración fue preparada el {{reviewed}}, fecha de la última revisión. El método empleado ha sido una autoevaluación: una auditoría automática de {{pages}} páginas con dos motores independientes (axe-core y HTML_CodeSniffer), un recorrido con el teclado, el reajuste a 320 píxeles y el espaciado del texto, además de recorridos completos solo con teclado.',
  contactTitle: 'Observaciones y datos de contacto',
  contact:
    'Puede realizar comunicaciones sobre requisitos de accesibilidad (artículo 10.2.a del RD 1112/2018), por ejemplo informar de cualquier posible incumplimiento o solicitar información que no sea accesible, a través del formulario de accesibilidad del portal o escribiendo a accesibilidad@carpeta.example. Recibirá respuesta en un plazo máximo de 20 días hábiles.',
  reportLink: 'Comunicar un problema de accesibilidad',
  procedureTitle: 'Procedimiento de aplicación',
  procedure:
    'Si una vez realizada una solicitud de información accesible o una queja ésta hubiera sido desestimada, no se estuviera de acuerdo con la decisión adoptada, o la respuesta no cumpliera los requisitos del artículo 12.5 del RD 1112/2018, la persona interesada podrá iniciar una reclamación ante la unidad responsable de accesibilidad.',
};

export type StatementMessages = typeof es;

const ca: StatementMessages = {
  intro:
    'Carpeta s’ha compromès a fer accessible el seu lloc web de conformitat amb el Reial decret 1112/2018, de 7 de setembre, sobre accessibilitat dels llocs web i aplicacions per a dispositius mòbils del sector públic. Aquesta declaració s’aplica a tot el portal, inclosos els serveis que hi incorporen les administracions participants.',
  statusTitle: 'Situació de compliment',
  status:
    'Aquest lloc web és parcialment conforme amb el RD 1112/2018 (norma UNE-EN 301 549, equivalent a les WCAG 2.1 nivells A i AA) a causa de la manca de conformitat dels aspectes que s’indiquen a continuació.',
  auditClean:
    'L’última auditoria automàtica ({{pages}} pàgines) no va trobar cap incompliment de les WCAG 2.1 A/AA.',
  auditFound:
    'L’última auditoria automàtica ({{pages}} pàgines) va trobar {{count}} incompliments de les WCAG 2.1 A/AA, que s’indiquen a continuació.',
  auditItem: '{{owner}} ({{area}}): {{rule}}, en {{pages}} pàgines.',
  nonAccessibleTitle: 'Contingut no accessible',
  nonAccessible: {
    audit:
      'Encara no s’ha fet una auditoria manual completa per part de persones expertes ni proves amb usuaris de tecnologies de suport; l’avaluació és automàtica i amb teclat.',
    documents:
      'Els documents que emeten les administracions (per exemple, PDF de notificacions) són responsabilitat de cada organisme emissor i poden no ser accessibles.',
    services:
      'Els serveis de les administracions participants es verifiquen quan s’incorporen, però poden canviar després de la revisió.',
  },
  preparationTitle: 'Preparació d’aquesta declaració',
  preparation:
    'Aquesta declaració es va preparar el {{reviewed}}, data de l’última revisió. El mètode emprat ha estat una autoavaluació: una auditoria automàtica de {{pages}} pàgines amb dos motors independents (axe-core i HTML_CodeSniffer), un recorregut amb el teclat, l’adaptació a 320 píxels i l’espaiat del text, a més de recorreguts complets només amb el teclat.',
  contactTitle: 'Observacions i dades de contacte',
  contact:
    'Podeu fer comunicacions sobre requisits d’accessibilitat (article 10.2.a del RD 1112/2018), per exemple informar de qualsevol possible incompliment o sol·licitar informació que no sigui accessible, mitjançant el formulari d’accessibilitat del portal o escrivint a accesibilidad@carpeta.example. Rebreu resposta en un termini màxim de 20 dies hàbils.',
  reportLink: 'Comunicar un problema d’accessibilitat',
  procedureTitle: 'Procediment d’aplicació',
  procedure:
    'Si, un cop feta una sol·licitud d’informació accessible o una queixa, aquesta s’ha desestimat, no s’està d’acord amb la decisió adoptada o la resposta no compleix els requisits de l’article 12.5 del RD 1112/2018, la persona interessada pot presentar una reclamació davant la unitat responsable d’accessibilitat.',
};

const gl: StatementMessages = {
  intro:
    'Carpeta comprometeuse a facer accesible o seu sitio web de conformidade co Real decreto 1112/2018, do 7 de setembro, sobre accesibilidade dos sitios web e aplicacións para dispositivos móbiles do sector público. Esta declaración aplícase a todo o portal, incluídos os servizos que incorporan as administracións participantes.',
  statusTitle: 'Situación de cumprimento',
  status:
    'Este sitio web é parcialmente conforme co RD 1112/2018 (norma UNE-EN 301 549, equivalente ás WCAG 2.1 niveis A e AA) debido á falta de conformidade dos aspectos que se indican a continuación.',
  auditClean:
    'A última auditoría automática ({{pages}} páxinas) non atopou ningún incumprimento das WCAG 2.1 A/AA.',
  auditFound:
    'A última auditoría automática ({{pages}} páxinas) atopou {{count}} incumprimentos das WCAG 2.1 A/AA, que se indican a continuación.',
  auditItem: '{{owner}} ({{area}}): {{rule}}, en {{pages}} páxinas.',
  nonAccessibleTitle: 'Contido non accesible',
  nonAccessible: {
    audit:
      'Aínda non se realizou unha auditoría manual completa por persoas expertas nin probas con usuarios de tecnoloxías de apoio; a avaliación é automática e co teclado.',
    documents:
      'Os documentos que emiten as administracións (por exemplo, PDF de notificacións) son responsabilidade de cada organismo emisor e poden non ser accesibles.',
    services:
      'Os servizos das administracións participantes verifícanse ao incorporarse, pero poden cambiar despois da revisión.',
  },
  preparationTitle: 'Preparación da presente declaración',
  preparation:
    'Esta declaración preparouse o {{reviewed}}, data da última revisión. O método empregado foi unha autoavaliación: unha auditoría automática de {{pages}} páxinas con dous motores independentes (axe-core e HTML_CodeSniffer), un percorrido co teclado, a adaptación a 320 píxeles e o espazado do texto, ademais de percorridos completos só co teclado.',
  contactTitle: 'Observacións e datos de contacto',
  contact:
    'Pode realizar comunicacións sobre requisitos de accesibilidade (artigo 10.2.a do RD 1112/2018), por exemplo informar de calquera posible incumprimento ou solicitar información que non sexa accesible, a través do formulario de accesibilidade do portal ou escribindo a accesibilidad@carpeta.example. Recibirá resposta nun prazo máximo de 20 días hábiles.',
  reportLink: 'Comunicar un problema de accesibilidade',
  procedureTitle: 'Procedemento de aplicación',
  procedure:
    'Se, unha vez realizada unha solicitude de información accesible ou unha queixa, esta fose desestimada, non se estivese de acordo coa decisión adoptada ou a resposta non cumprise os requisitos do artigo 12.5 do RD 1112/2018, a persoa interesada poderá iniciar unha reclamación ante a unidade responsable de accesibilidade.',
};

const eu: StatementMessages = {
  intro:
    'Carpetak bere webgunea irisgarri egiteko konpromisoa hartu du, sektore publikoko webguneen eta gailu mugikorretarako aplikazioen irisgarritasunari buruzko irailaren 7ko 1112/2018 Errege Dekretuaren arabera. Adierazpen hau atari osoari aplikatzen zaio, parte hartzen duten administrazioek gehitzen dituzten zerbitzuak barne.',
  statusTitle: 'Betetze-egoera',
  status:
    'Webgune hau partzialki betetzen du 1112/2018 ED (UNE-EN 301 549 araua, WCAG 2.1 A eta AA mailen baliokidea), jarraian adierazten diren alderdiak betetzen ez direlako.',
  auditClean:
    'Azken ikuskapen automatikoak ({{pages}} orri) ez du WCAG 2.1 A/AA arauen ez-betetzerik aurkitu.',
  auditFound:
    'Azken ikuskapen automatikoak ({{pages}} orri) WCAG 2.1 A/AA arauen {{count}} ez-betetze aurkitu ditu; jarraian zerrendatzen dira.',
  auditItem: '{{owner}} ({{area}}): {{rule}}, {{pages}} orritan.',
  nonAccessibleTitle: 'Eduki ez-irisgarria',
  nonAccessible: {
    audit:
      'Oraindik ez da adituek eskuzko auditoria osorik egin, ezta laguntza-teknologien erabiltzaileekin probarik ere; ebaluazioa automatikoa eta teklatu bidezkoa da.',
    documents:
      'Administrazioek igortzen dituzten dokumentuak (adibidez, jakinarazpenen PDFak) erakunde igorle bakoitzaren erantzukizuna dira, eta baliteke irisgarriak ez izatea.',
    services:
      'Parte hartzen duten administrazioen zerbitzuak gehitzean egiaztatzen dira, baina berrikuspenaren ondoren alda daitezke.',
  },
  preparationTitle: 'Adierazpen hau prestatzea',
  preparation:
    'Adierazpen hau {{reviewed}} egunean prestatu zen, azken berrikuspenaren egunean. Erabilitako metodoa autoebaluazioa izan da: {{pages}} orriren ikuskapen automatikoa, bi motor independenterekin (axe-core eta HTML_CodeSniffer), teklatuarekin egindako ibilbidea, 320 pixeleko egokitzapena eta testuaren tarteak, eta teklatua soilik erabiliz egindako ibilbide osoak.',
  contactTitle: 'Oharrak eta harremanetarako datuak',
  contact:
    'Irisgarritasun-baldintzei buruzko komunikazioak egin ditzakezu (1112/2018 EDren 10.2.a artikulua), adibidez balizko ez-betetzeren bat jakinarazteko edo irisgarria ez den informazioa eskatzeko, atariko irisgarritasun-formularioaren bidez edo accesibilidad@carpeta.example helbidera idatziz. Gehienez 20 egun balioduneko epean jasoko duzu erantzuna.',
  reportLink: 'Irisgarritasun-arazo bat jakinaraztea',
  procedureTitle: 'Aplikazio-prozedura',
  procedure:
    'Informazio irisgarria eskatu edo kexa bat aurkeztu ondoren hura ezetsi bada, hartutako erabakiarekin ados ez badago edo erantzunak 1112/2018 EDren 12.5 artikuluko baldintzak betetzen ez baditu, interesdunak erreklamazio bat aurkeztu ahal izango du irisgarritasunaren arduradun den unitatearen aurrean.',
};

const va: StatementMessages = {
  intro:
    'Carpeta s’ha compromés a fer accessible el seu lloc web de conformitat amb el Reial decret 1112/2018, de 7 de setembre, sobre accessibilitat dels llocs web i aplicacions per a dispositius mòbils del sector públic. Esta declaració s’aplica a tot el portal, inclosos els servicis que hi incorporen les administracions participants.',
  statusTitle: 'Situació de compliment',
  status:
    'Este lloc web és parcialment conforme amb el RD 1112/2018 (norma UNE-EN 301 549, equivalent a les WCAG 2.1 nivells A i AA) a causa de la falta de conformitat dels aspectes que s’indiquen a continuació.',
  auditClean:
    'L’última auditoria automàtica ({{pages}} pàgines) no va trobar cap incompliment de les WCAG 2.1 A/AA.',
  auditFound:
    'L’última auditoria automàtica ({{pages}} pàgines) va trobar {{count}} incompliments de les WCAG 2.1 A/AA, que s’indiquen a continuació.',
  auditItem: '{{owner}} ({{area}}): {{rule}}, en {{pages}} pàgines.',
  nonAccessibleTitle: 'Contingut no accessible',
  nonAccessible: {
    audit:
      'Encara no s’ha fet una auditoria manual completa per part de persones expertes ni proves amb usuaris de tecnologies de suport; l’avaluació és automàtica i amb teclat.',
    documents:
      'Els documents que emeten les administracions (per exemple, PDF de notificacions) són responsabilitat de cada organisme emissor i poden no ser accessibles.',
    services:
      'Els servicis de les administracions participants es verifiquen quan s’incorporen, però poden canviar després de la revisió.',
  },
  preparationTitle: 'Preparació d’esta declaració',
  preparation:
    'Esta declaració es va preparar el {{reviewed}}, data de l’última revisió. El mètode emprat ha sigut una autoavaluació: una auditoria automàtica de {{pages}} pàgines amb dos motors independents (axe-core i HTML_CodeSniffer), un recorregut amb el teclat, l’adaptació a 320 píxels i l’espaiat del text, a més de recorreguts complets només amb el teclat.',
  contactTitle: 'Observacions i dades de contacte',
  contact:
    'Podeu fer comunicacions sobre requisits d’accessibilitat (article 10.2.a del RD 1112/2018), per exemple informar de qualsevol possible incompliment o sol·licitar informació que no siga accessible, per mitjà del formulari d’accessibilitat del portal o escrivint a accesibilidad@carpeta.example. Rebreu resposta en un termini màxim de 20 dies hàbils.',
  reportLink: 'Comunicar un problema d’accessibilitat',
  procedureTitle: 'Procediment d’aplicació',
  procedure:
    'Si, una vegada feta una sol·licitud d’informació accessible o una queixa, esta ha sigut desestimada, no s’està d’acord amb la decisió adoptada o la resposta no complix els requisits de l’article 12.5 del RD 1112/2018, la persona interessada pot presentar una reclamació davant de la unitat responsable d’accessibilitat.',
};

const en: StatementMessages = {
  intro:
    'Carpeta is committed to making its website accessible in accordance with Royal Decree 1112/2018 of 7 September on the accessibility of public sector websites and mobile applications. This statement applies to the whole portal, including the services that participating administrations add to it.',
  statusTitle: 'Compliance status',
  status:
    'This website is partially compliant with RD 1112/2018 (standard EN 301 549, equivalent to WCAG 2.1 levels A and AA) because of the non-compliances listed below.',
  auditClean: 'The latest automated audit ({{pages}} pages) found no failure of WCAG 2.1 A/AA.',
  auditFound:
    'The latest automated audit ({{pages}} pages) found {{count}} failures of WCAG 2.1 A/AA, listed below.',
  auditItem: '{{owner}} ({{area}}): {{rule}}, on {{pages}} pages.',
  nonAccessibleTitle: 'Non-accessible content',
  nonAccessible: {
    audit:
      'No full manual audit by experts nor testing with users of assistive technologies has been carried out yet; the evaluation is automated and by keyboard.',
    documents:
      'Documents issued by administrations (for example notification PDFs) are the responsibility of each issuing body and may not be accessible.',
    services:
      'Services of participating administrations are checked when they join, but may change after that review.',
  },
  preparationTitle: 'Preparation of this statement',
  preparation:
    'This statement was prepared on {{reviewed}}, the date of the last review. The method used was a self-assessment: an automated audit of {{pages}} pages with two independent engines (axe-core and HTML_CodeSniffer), a keyboard walk, reflow at 320 pixels and text spacing, plus complete keyboard-only walkthroughs.',
  contactTitle: 'Feedback and contact information',
  contact:
    'You can send communications about accessibility requirements (article 10.2.a of RD 1112/2018), for example to report a possible non-compliance or to request information that is not accessible, through the portal’s accessibility form or by writing to accesibilidad@carpeta.example. You will receive an answer within 20 working days.',
  reportLink: 'Report an accessibility problem',
  procedureTitle: 'Enforcement procedure',
  procedure:
    'If a request for accessible information or a complaint has been rejected, if you disagree with the decision, or if the answer does not meet the requirements of article 12.5 of RD 1112/2018, you may file a claim with the unit responsible for accessibility.',
};

export const STATEMENT_MESSAGES: Readonly<Record<Language, StatementMessages>> = { es, ca, gl, eu, va, en };
