// What the portal shares as `react` (see REACT_AS_PREACT in ../federation.ts): Preact's
// compatibility layer, with a `useId` that is unique in the whole page. Preact numbers ids per
// render root, and the page has many (the shell's, each MFE's, each panel's): two roots gave the
// same id, so the footer's "Apariencia" label named a date field of the notifications MFE. React
// numbers them with one counter per page; so does this. Plain JavaScript: preact/compat's types
// (`export =`) cannot be re-exported; code types `react` with React's own types.
import compat from 'preact/compat';
import { useState } from 'preact/hooks';
import { nextId } from './ids.js';

export * from 'preact/compat';

/** A page-wide unique id, stable for the life of the component (React's `useId`). */
export function useId() {
  const [id] = useState(nextId);
  return id;
}

export default { ...compat, useId };
