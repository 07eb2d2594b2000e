import type { ShellMessages } from '../messages.ts';

export const eu: ShellMessages = {
  portalName: 'Herritarren Karpeta',
  skipToContent: 'Joan eduki nagusira',
  primaryNavigation: 'Nabigazio nagusia',
  navUnread_one: '{{count}} irakurri gabe',
  navUnread_other: '{{count}} irakurri gabe',
  menu: 'Menua',
  language: 'Hizkuntza',
  footerNavigation: 'Atariari buruzko informazioa',
  appearance: {
    label: 'Itxura',
    system: 'Gailuaren arabera',
    light: 'Argia',
    dark: 'Iluna',
    'high-contrast': 'Kontraste handia',
  },
  userArea: {
    signIn: 'Identifikatu',
    signOut: 'Itxi saioa',
    previousAccess: 'Azken sarbidea: {{at}}, {{method}} bidez',
    firstAccess: 'Zure lehen sarbidea da',
  },
  methods: {
    'clave-movil': 'Cl@ve Móvil',
    'clave-pin': 'Cl@ve PIN',
    'clave-permanente': 'Cl@ve permanente',
    certificate: 'ziurtagiri elektronikoa',
    dnie: 'NANe',
  },
  loa: { low: 'maila baxua', substantial: 'maila nabarmena', high: 'maila altua' },
  actingFor: {
    choose: 'Beste baten izenean jardun…',
    title: 'Beste pertsona baten izenean jardun',
    legend: 'Noren karpeta ikusi nahi duzu?',
    self: 'Ni neu: {{name}}',
    kind: {
      general: 'Edozein izapidetarako ahalorde orokorra, indarrean honaino: {{until}}',
      organisation: '{{organisation}} erakundearen aurreko ahalordea, indarrean honaino: {{until}}',
      procedures:
        '{{organisation}} erakundearen aurreko izapide jakinetarako ahalordea, indarrean honaino: {{until}}',
    },
    noEnd: 'amaiera-datarik gabe',
    none: 'Ez duzu ordezkaritza-ahalorderik indarrean Ahalordeen Erregistro Elektronikoan.',
    loading: 'Zure ordezkaritza-ahalordeak kontsultatzen…',
    unavailable: 'Ezin izan dugu Ahalordeen Erregistro Elektronikoa kontsultatu. Saiatu berriro geroago.',
    failed: 'Ezin izan da aldatu. Saiatu berriro.',
    confirm: 'Aldatu',
    cancel: 'Utzi',
    close: 'Itxi',
    banner: '{{name}} ({{id}}) pertsonaren izenean ari zara',
    bannerCompany: '{{name}} ({{id}}) enpresaren ordezkari gisa ari zara',
    back: 'Itzuli nire karpetara',
  },
  notices: {
    representationEndedTitle: 'Jada ez zara beste pertsona baten izenean ari',
    representationEnded:
      'Erabiltzen zenuen ordezkaritza-ahalordea ez da baliozkoa jada (ezeztatuta edo iraungita). Zure karpeta propioa ikusten ari zara.',
    signInFailedTitle: 'Ezin izan da saioa hasi',
    signin: {
      cancelled: 'Identifikazioa bertan behera utzi duzu. Nahi duzunean saia zaitezke berriro.',
      failed: 'Identifikazioa ez da osatu. Saiatu berriro.',
      throttled:
        'Huts egindako saiakera gehiegi egon dira. Segurtasunagatik, itxaron minutu batzuk berriro saiatu aurretik.',
      unavailable: 'Identifikazio-zerbitzua ez dago erabilgarri orain. Saiatu minutu batzuk barru.',
      insufficient:
        'Zerbitzu honek ziurtagiri elektronikoa edo NANe behar du; aukeratutako metodoak ez du maila nahikorik.',
    },
  },
  expiry: {
    title: 'Zure saioa iraungitzear dago',
    body: 'Segurtasunagatik, zure saioa {{remaining}} barru itxiko da ezer egiten ez baduzu.',
    extend: 'Jarraitu konektatuta',
  },
  stepUp: {
    title: '{{title}} zerbitzuak identifikazio seguruagoa behar du',
    body: 'Zerbitzu hau ikusteko ziurtagiri elektronikoarekin edo NANe-rekin identifikatu behar duzu (maila altua). Orri honetara itzuliko zara.',
    action: 'Identifikatu ziurtagiriarekin edo NANe-rekin',
  },
  landing: {
    title: 'Zure Herritarren Karpeta',
    lead: 'Leku bakarra administrazio publikoek zutaz dutena ikusi eta kudeatzeko.',
    points: {
      notifications: 'Edozein administrazioren jakinarazpenak, beren epeekin.',
      files: 'Zure espediente irekiak eta zure hitzorduak.',
      data: 'Zure datu pertsonalak eta egiaztagiriak, eta nork kontsultatu dituen.',
      representation: 'Ordezkatzen dituzun pertsonen edo enpresen izapideak.',
    },
    signIn: 'Identifikatu',
    howTitle: 'Nola identifikatu',
    howBody: 'Erabili Cl@ve sistema edo ziurtagiri elektroniko bat:',
    methods: {
      'clave-movil': 'Cl@ve Móvil, zure mugikorreko aplikaziotik (maila nabarmena).',
      'clave-pin': 'Cl@ve PIN, erabilera bakarreko kode batekin (maila nabarmena).',
      'clave-permanente': 'Cl@ve permanente, erabiltzaile, pasahitz eta SMS kode batekin (maila nabarmena).',
      certificate: 'Ziurtagiri elektronikoa (maila altua).',
      dnie: 'NAN elektronikoa (maila altua).',
    },
    moreTitle: 'Informazio gehiago',
  },
  signInRequired: {
    title: 'Identifikatu {{title}} ikusteko',
    body: '{{title}} zerbitzuak informazio pertsonala dauka. Identifikatu eta orri honetara itzuliko zara.',
    titleAny: 'Identifikatu jarraitzeko',
    bodyAny:
      'Orri hau zure Karpetakoa da eta informazio pertsonala dauka. Identifikatu eta hona itzuliko zara.',
    expiredTitle: 'Zure saioa iraungi da',
    expiredBody: 'Segurtasunagatik zure saioa itxi dugu. Identifikatu berriro utzitako lekutik jarraitzeko.',
  },
  footer: {
    accessibility: 'Irisgarritasun-adierazpena',
    roadmap: 'Bide-orria',
    feedback: 'Iritziak eta iradokizunak',
    owner: 'Carpeta herritarren atari irekia da.',
  },
  mfe: {
    loading: '{{title}} kargatzen…',
    loadErrorTitle: '{{title}} ez dago erabilgarri orain',
    loadErrorBody:
      'Ezin izan dugu zerbitzu hau kargatu. Atariaren gainerakoak funtzionatzen jarraitzen du. Orain edo geroago saia zaitezke berriro.',
    mountErrorBody:
      'Zerbitzu honek huts egin du abiaraztean. Atariaren gainerakoak funtzionatzen jarraitzen du. Berriro saia zaitezke.',
    timeoutBody: 'Zerbitzu hau gehiegi ari da erantzuten. Atariaren gainerakoak funtzionatzen jarraitzen du.',
    retry: 'Saiatu berriro',
    errorReference: 'Errorearen erreferentzia: {{id}}',
    errorCode: 'Errore-kodea: {{code}}',
    errorProvider: '{{owner}} erakundearen zerbitzua, {{framework}} erabiliz egina ({{version}} bertsioa).',
    framework: { react: 'React', angular: 'Angular', vanilla: 'JavaScript frameworkik gabe' },
  },
  manifest: {
    unavailableTitle: 'Ezin ditugu zerbitzuak erakutsi',
    unavailableBody: 'Ezin izan dugu atariko zerbitzuen zerrenda lortu. Saiatu berriro minutu batzuk barru.',
    rejectedTitle: 'Zerbitzu batzuk ezin izan dira gehitu',
    rejectedBody: 'Zerbitzu hauek konfigurazio baliogabea dute eta kanpoan utzi dira:',
    rejectedDetails: 'Xehetasun teknikoak',
    residenceTitle: 'Baliteke zure erkidegoko edo udaleko zerbitzuak falta izatea',
    residenceBody:
      'Ezin izan dugu zure bizilekua kontsultatu ({{name}}): orain Espainia osoko zerbitzuak baino ez dituzu ikusten. Zure autonomia-erkidegokoak eta udalekoak berriro agertuko dira erantzun bezain laster.',
  },
  pages: {
    notFound: {
      title: 'Ez da orria aurkitu',
      body: 'Helbidea ez dagokio atariko inongo orriri. Zuk idatzi baduzu, egiaztatu zuzena dela.',
      home: 'Joan hasierako orrira',
    },
    accessibility: { title: 'Irisgarritasun-adierazpena' },
  },
};
