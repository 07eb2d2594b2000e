import type { MessageCatalog } from '@carpeta/sdk';

/** The shell's own words. Each MFE carries its own; none is hard-coded in a component. */
export const messages = {
  es: {
    portalName: 'Carpeta Ciudadana',
    skipToContent: 'Saltar al contenido principal',
    primaryNavigation: 'Navegación principal',
    menu: 'Menú',
    language: 'Idioma',
    footerNavigation: 'Información del portal',
    appearance: {
      label: 'Apariencia',
      system: 'Según el dispositivo',
      light: 'Clara',
      dark: 'Oscura',
      'high-contrast': 'Alto contraste',
    },
    userArea: {
      anonymous: 'Sin identificar',
      signIn: 'Identificarse (próximamente)',
    },
    footer: {
      accessibility: 'Declaración de accesibilidad',
      roadmap: 'Hoja de ruta',
      feedback: 'Opinión y sugerencias',
      owner: 'Carpeta es un portal abierto de la ciudadanía.',
    },
    mfe: {
      loading: 'Cargando {{title}}…',
      loadErrorTitle: '{{title}} no está disponible ahora',
      loadErrorBody:
        'No hemos podido cargar este servicio. El resto del portal sigue funcionando. Puedes reintentarlo ahora o más tarde.',
      mountErrorBody:
        'Este servicio ha fallado al iniciarse. El resto del portal sigue funcionando. Puedes reintentarlo.',
      timeoutBody:
        'Este servicio está tardando demasiado en responder. El resto del portal sigue funcionando.',
      retry: 'Reintentar',
      errorReference: 'Referencia del error: {{id}}',
    },
    manifest: {
      unavailableTitle: 'No podemos mostrar los servicios',
      unavailableBody:
        'No hemos podido obtener la lista de servicios del portal. Vuelve a intentarlo en unos minutos.',
      rejectedTitle: 'Algunos servicios no se han podido incorporar',
      rejectedBody: 'Los siguientes servicios tienen una configuración no válida y se han omitido:',
      rejectedDetails: 'Detalles técnicos',
    },
    pages: {
      notFound: {
        title: 'Página no encontrada',
        body: 'La dirección no corresponde a ninguna página del portal. Si la has escrito, comprueba que es correcta.',
        home: 'Ir a la página de inicio',
      },
      accessibility: { title: 'Declaración de accesibilidad' },
      roadmap: { title: 'Hoja de ruta' },
      feedback: { title: 'Opinión y sugerencias' },
    },
  },
  en: {
    portalName: 'Citizen Folder',
    skipToContent: 'Skip to main content',
    primaryNavigation: 'Main navigation',
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
      anonymous: 'Not signed in',
      signIn: 'Sign in (coming soon)',
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
      mountErrorBody:
        'This service failed to start. The rest of the portal keeps working. You can try again.',
      timeoutBody: 'This service is taking too long to respond. The rest of the portal keeps working.',
      retry: 'Try again',
      errorReference: 'Error reference: {{id}}',
    },
    manifest: {
      unavailableTitle: 'We cannot show the services',
      unavailableBody:
        'We could not get the list of the portal’s services. Please try again in a few minutes.',
      rejectedTitle: 'Some services could not be added',
      rejectedBody: 'The following services have an invalid configuration and were left out:',
      rejectedDetails: 'Technical details',
    },
    pages: {
      notFound: {
        title: 'Page not found',
        body: 'The address does not match any page of the portal. If you typed it, check that it is correct.',
        home: 'Go to the home page',
      },
      accessibility: { title: 'Accessibility statement' },
      roadmap: { title: 'Roadmap' },
      feedback: { title: 'Feedback' },
    },
  },
} satisfies MessageCatalog;

/** Each language's name written in that language, as a language selector must show it. */
export const LANGUAGE_NAMES = { es: 'Español', en: 'English' } as const;
