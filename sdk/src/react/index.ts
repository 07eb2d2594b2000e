export { createLifecycles, type CreateLifecyclesOptions } from './lifecycles.tsx';
export { useCarpeta, useFormatters, useLanguage, useSession, useTranslation } from './context.tsx';
export { useSubPath } from './location.ts';
export { type Resource, useResource } from './resource.ts';
