import type { ShellMessages } from '../messages.ts';

export const en: ShellMessages = {
  portalName: 'Citizen Folder',
  skipToContent: 'Skip to main content',
  primaryNavigation: 'Main navigation',
  navUnread_one: '{{count}} unread',
  navUnread_other: '{{count}} unread',
  menu: 'Menu',
  language: 'Language',
  footerNavigation: 'About the portal',
  appearance: {
    label: 'Appearance',
    system: 'As the device',
    light: 'Light',
    dark: 'Dark',
    'high-contrast': 'High contrast',
  },
  userArea: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    previousAccess: 'Last access: {{at}} with {{method}}',
    firstAccess: 'This is your first access',
  },
  methods: {
    'clave-movil': 'Cl@ve Móvil',
    'clave-pin': 'Cl@ve PIN',
    'clave-permanente': 'Cl@ve permanente',
    certificate: 'electronic certificate',
    dnie: 'DNIe',
  },
  loa: { low: 'low level', substantial: 'substantial level', high: 'high level' },
  actingFor: {
    choose: 'Act on behalf of…',
    title: 'Act on behalf of someone else',
    legend: 'Whose folder do you want to see?',
    self: 'Myself: {{name}}',
    kind: {
      general: 'General power for any procedure, valid until: {{until}}',
      organisation: 'Power before {{organisation}}, valid until: {{until}}',
      procedures: 'Power for specific procedures before {{organisation}}, valid until: {{until}}',
    },
    noEnd: 'no end date',
    none: 'You hold no power of attorney in force in the Electronic Register of Powers of Attorney.',
    loading: 'Looking up your powers of attorney…',
    unavailable:
      'We could not consult the Electronic Register of Powers of Attorney. Please try again later.',
    failed: 'That could not be changed. Please try again.',
    confirm: 'Switch',
    cancel: 'Cancel',
    close: 'Close',
    banner: 'You are acting on behalf of {{name}} ({{id}})',
    bannerCompany: 'You are acting on behalf of the company {{name}} ({{id}})',
    back: 'Back to my folder',
  },
  notices: {
    representationEndedTitle: 'You no longer act on behalf of someone else',
    representationEnded:
      'The power of attorney you were using is no longer valid (revoked or expired). You are seeing your own folder.',
    signInFailedTitle: 'You could not be signed in',
    signin: {
      cancelled: 'You cancelled the sign-in. You can try again whenever you like.',
      failed: 'The sign-in was not completed. Please try again.',
      throttled:
        'There have been too many failed attempts. For your security, wait a few minutes before trying again.',
      unavailable: 'The sign-in service is not available right now. Please try again in a few minutes.',
      insufficient:
        'This service needs an electronic certificate or DNIe; the method you chose is not strong enough.',
    },
  },
  expiry: {
    title: 'Your session is about to end',
    body: 'For your security, your session will end in {{remaining}} if you do nothing.',
    extend: 'Stay signed in',
  },
  stepUp: {
    title: '{{title}} needs a stronger sign-in',
    body: 'To see this service, sign in with an electronic certificate or DNIe (high level). You will come back to this page.',
    action: 'Sign in with a certificate or DNIe',
  },
  landing: {
    title: 'Your Citizen Folder',
    lead: 'One place to see and act on what public administrations hold about you.',
    points: {
      notifications: 'Your notifications from any administration, with their deadlines.',
      files: 'Your open files and your appointments.',
      data: 'Your personal data and proofs, and who has consulted them.',
      representation: 'The matters of the people or companies you represent.',
    },
    signIn: 'Sign in',
    howTitle: 'How to sign in',
    howBody: 'Use the Cl@ve system or an electronic certificate:',
    methods: {
      'clave-movil': 'Cl@ve Móvil, from the app on your phone (substantial level).',
      'clave-pin': 'Cl@ve PIN, with a single-use code (substantial level).',
      'clave-permanente': 'Cl@ve permanente, with user, password and SMS code (substantial level).',
      certificate: 'Electronic certificate (high level).',
      dnie: 'Electronic identity card, DNIe (high level).',
    },
    moreTitle: 'More information',
  },
  signInRequired: {
    title: 'Sign in to see {{title}}',
    body: '{{title}} holds personal information. Sign in and you will come back to this page.',
    titleAny: 'Sign in to continue',
    bodyAny:
      'This page is part of your folder and holds personal information. Sign in and you will come back to it.',
    expiredTitle: 'Your session has ended',
    expiredBody: 'For your security we ended your session. Sign in again to carry on where you were.',
  },
  footer: {
    accessibility: 'Accessibility statement',
    roadmap: 'Roadmap',
    feedback: 'Feedback',
    owner: 'Carpeta is an open citizen portal.',
  },
  mfe: {
    loading: 'Loading {{title}}…',
    loadErrorTitle: '{{title}} is not available right now',
    loadErrorBody:
      'We could not load this service. The rest of the portal keeps working. You can try again now or later.',
    mountErrorBody: 'This service failed to start. The rest of the portal keeps working. You can try again.',
    timeoutBody: 'This service is taking too long to respond. The rest of the portal keeps working.',
    retry: 'Try again',
    errorReference: 'Error reference: {{id}}',
    errorCode: 'Error code: {{code}}',
    errorProvider: 'A service of {{owner}}, built with {{framework}} (version {{version}}).',
    framework: { react: 'React', angular: 'Angular', vanilla: 'plain JavaScript' },
  },
  manifest: {
    unavailableTitle: 'We cannot show the services',
    unavailableBody: 'We could not get the list of the portal’s services. Please try again in a few minutes.',
    rejectedTitle: 'Some services could not be added',
    rejectedBody: 'The following services have an invalid configuration and were left out:',
    rejectedDetails: 'Technical details',
    residenceTitle: 'Services of your region or city council may be missing',
    residenceBody:
      'We could not look up where you live ({{name}}): you now see only the services for all of Spain. Those of your autonomous community and your city council will appear again as soon as it answers.',
  },
  pages: {
    notFound: {
      title: 'Page not found',
      body: 'The address does not match any page of the portal. If you typed it, check that it is correct.',
      home: 'Go to the home page',
    },
    accessibility: { title: 'Accessibility statement' },
  },
};
