export { type Attributes, type Child, fragment, h } from './dom.ts';
export {
  createFormatters,
  createLifecycles,
  type Formatters,
  type VanillaApp,
  type VanillaMount,
} from './lifecycles.ts';
