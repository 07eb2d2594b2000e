import type { ShellPageProps } from './index.tsx';

const content = {
  es: {
    title: 'Hoja de ruta',
    intro: 'Carpeta se construye en público. Esto es lo que ya funciona y lo que viene después.',
    doneTitle: 'Disponible',
    done: [
      'Portal con servicios que cada administración publica por su cuenta (micro-frontends cargados en tiempo de ejecución).',
      'Notificaciones de la Dirección Electrónica Habilitada única, con la caducidad legal de 10 días naturales.',
      'Español e inglés en todo el portal.',
    ],
    nextTitle: 'Próximamente',
    next: [
      'Identificación con Cl@ve y certificado electrónico.',
      'Sistema de diseño accesible compartido y Storybook.',
      'Expedientes, citas, mis datos, apoderamientos y registro.',
      'Catalán, gallego, euskera y valenciano.',
    ],
  },
  en: {
    title: 'Roadmap',
    intro: 'Carpeta is built in the open. This is what already works and what comes next.',
    doneTitle: 'Available',
    done: [
      'A portal of services each administration publishes on its own (micro-frontends loaded at run time).',
      'Notifications from the single electronic address, with the legal 10 calendar day expiry.',
      'Spanish and English across the portal.',
    ],
    nextTitle: 'Coming next',
    next: [
      'Sign-in with Cl@ve and electronic certificates.',
      'A shared accessible design system and Storybook.',
      'Files, appointments, my data, powers of attorney and registry.',
      'Catalan, Galician, Basque and Valencian.',
    ],
  },
} as const;

export function Roadmap({ language }: ShellPageProps) {
  const c = content[language];
  return (
    <article className="cp-prose">
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <h2>{c.doneTitle}</h2>
      <ul>
        {c.done.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{c.nextTitle}</h2>
      <ul>
        {c.next.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </article>
  );
}
