import type { ShellPageProps } from './index.tsx';

const REVIEWED = '2026-11-23';

/**
 * The accessibility statement required by RD 1112/2018 (model of Decision (EU) 2018/1523). Kept
 * as content per language; figures and dates must be updated at each review.
 */
const content = {
  es: {
    title: 'Declaración de accesibilidad',
    intro:
      'Carpeta se ha comprometido a hacer accesible su sitio web de conformidad con el Real Decreto 1112/2018, de 7 de septiembre, sobre accesibilidad de los sitios web y aplicaciones para dispositivos móviles del sector público. Esta declaración se aplica a todo el portal, incluidos los servicios que incorporan las administraciones participantes.',
    statusTitle: 'Situación de cumplimiento',
    status:
      'Este sitio web es parcialmente conforme con el RD 1112/2018 (norma UNE-EN 301 549, equivalente a las WCAG 2.1 niveles A y AA) debido a la falta de conformidad de los aspectos que se indican a continuación.',
    nonAccessibleTitle: 'Contenido no accesible',
    nonAccessible: [
      'Aún no se ha realizado una auditoría manual completa por personas expertas ni pruebas con usuarios de tecnologías de apoyo; la evaluación es automática y por teclado.',
      'Los documentos que emiten las administraciones (por ejemplo, PDF de notificaciones) son responsabilidad de cada organismo emisor y pueden no ser accesibles.',
      'Los servicios de administraciones participantes se verifican al incorporarse, pero pueden cambiar después de la revisión.',
    ],
    preparationTitle: 'Preparación de la presente declaración',
    preparation: `Esta declaración fue preparada el ${REVIEWED}. El método empleado ha sido una autoevaluación: pruebas automáticas con axe-core (0 incidencias) en cada página y en cada idioma en cada cambio del código, y recorridos completos solo con teclado.`,
    contactTitle: 'Observaciones y datos de contacto',
    contact:
      'Puede realizar comunicaciones sobre requisitos de accesibilidad (artículo 10.2.a del RD 1112/2018), por ejemplo informar de cualquier posible incumplimiento o solicitar información que no sea accesible, a través del formulario de opinión del portal o escribiendo a accesibilidad@carpeta.example. Recibirá respuesta en un plazo máximo de 20 días hábiles.',
    procedureTitle: 'Procedimiento de aplicación',
    procedure:
      'Si una vez realizada una solicitud de información accesible o una queja ésta hubiera sido desestimada, no se estuviera de acuerdo con la decisión adoptada, o la respuesta no cumpliera los requisitos del artículo 12.5 del RD 1112/2018, la persona interesada podrá iniciar una reclamación ante la unidad responsable de accesibilidad.',
  },
  en: {
    title: 'Accessibility statement',
    intro:
      'Carpeta is committed to making its website accessible in accordance with Royal Decree 1112/2018 of 7 September on the accessibility of public sector websites and mobile applications. This statement applies to the whole portal, including the services that participating administrations add to it.',
    statusTitle: 'Compliance status',
    status:
      'This website is partially compliant with RD 1112/2018 (standard EN 301 549, equivalent to WCAG 2.1 levels A and AA) because of the non-compliances listed below.',
    nonAccessibleTitle: 'Non-accessible content',
    nonAccessible: [
      'No full manual audit by experts nor testing with users of assistive technologies has been carried out yet; the evaluation is automated and by keyboard.',
      'Documents issued by administrations (for example notification PDFs) are the responsibility of each issuing body and may not be accessible.',
      'Services of participating administrations are checked when they join, but may change after that review.',
    ],
    preparationTitle: 'Preparation of this statement',
    preparation: `This statement was prepared on ${REVIEWED}. The method used was a self-assessment: automated tests with axe-core (0 issues) on every page in every language on every code change, and complete keyboard-only walkthroughs.`,
    contactTitle: 'Feedback and contact information',
    contact:
      'You can send communications about accessibility requirements (article 10.2.a of RD 1112/2018), for example to report a possible non-compliance or to request information that is not accessible, through the portal’s feedback form or by writing to accesibilidad@carpeta.example. You will receive an answer within 20 working days.',
    procedureTitle: 'Enforcement procedure',
    procedure:
      'If a request for accessible information or a complaint has been rejected, if you disagree with the decision, or if the answer does not meet the requirements of article 12.5 of RD 1112/2018, you may file a claim with the unit responsible for accessibility.',
  },
} as const;

export function AccessibilityStatement({ language }: ShellPageProps) {
  const c = content[language];
  return (
    <article className="cp-prose">
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <h2>{c.statusTitle}</h2>
      <p>{c.status}</p>
      <h2>{c.nonAccessibleTitle}</h2>
      <ul>
        {c.nonAccessible.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{c.preparationTitle}</h2>
      <p>{c.preparation}</p>
      <h2>{c.contactTitle}</h2>
      <p>{c.contact}</p>
      <h2>{c.procedureTitle}</h2>
      <p>{c.procedure}</p>
    </article>
  );
}
