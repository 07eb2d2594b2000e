import type { ShellPageProps } from './index.tsx';

const content = {
  es: {
    title: 'Opinión y sugerencias',
    body: 'Tu opinión nos ayuda a mejorar Carpeta. Pronto podrás enviarla desde aquí con un formulario. Mientras tanto, escríbenos a opinion@carpeta.example.',
    accessibility:
      'Si tienes un problema de accesibilidad, indícalo: te responderemos en un máximo de 20 días hábiles.',
  },
  en: {
    title: 'Feedback',
    body: 'Your feedback helps us improve Carpeta. Soon you will be able to send it from here with a form. Meanwhile, write to opinion@carpeta.example.',
    accessibility: 'If you have an accessibility problem, tell us: we will answer within 20 working days.',
  },
} as const;

export function Feedback({ language }: ShellPageProps) {
  const c = content[language];
  return (
    <article className="cp-prose">
      <h1>{c.title}</h1>
      <p>{c.body}</p>
      <p>{c.accessibility}</p>
    </article>
  );
}
