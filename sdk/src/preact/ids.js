// The page-wide counter behind the shared `react`'s `useId` (./react.js). The gateway's render of
// the shell (shell/src/server/react.js) starts it again for each page, so that the ids of that HTML
// are the ones the browser's first render gives, and taking the HTML over keeps every label bound.

let next = 0;

/** The next id: `cp-1`, `cp-2`… */
export function nextId() {
  next += 1;
  return `cp-${next.toString(36)}`;
}

/** Starts the count again (the server, before each page). */
export function resetIds() {
  next = 0;
}
