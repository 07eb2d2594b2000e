export { createLifecycles, type CreateLifecyclesOptions } from './lifecycles.tsx';
export { useCarpeta, useFormatters, useLanguage, useSession, useTranslation } from './context.tsx';
