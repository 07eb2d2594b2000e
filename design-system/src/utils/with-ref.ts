import { forwardRef, type ReactNode, type Ref } from 'react';

/**
 * A component that takes a `ref` for its element. React 19 hands `ref` to a function component as
 * a prop; the portal runs on Preact's compatibility layer (see `@carpeta/sdk/federation`), which
 * does so only for components made with `forwardRef` (otherwise `ref` would point at the component,
 * not at its element). Wrapped this way, `ref` reaches the component's props under both.
 */
export function withRef<T, P extends { ref?: Ref<T> }>(render: (props: P) => ReactNode) {
  const forwarded = forwardRef<T, Omit<P, 'ref'>>((props, ref) => render({ ...props, ref } as unknown as P));
  forwarded.displayName = render.name;
  return forwarded;
}
