/**
 * A message for the health page after the booking page sends the citizen back to it (the booking
 * that was confirmed). Taken once: it is shown on the next render of the page and then forgotten.
 */
let pending: string | null = null;

export function leaveNotice(text: string): void {
  pending = text;
}

export function takeNotice(): string | null {
  const text = pending;
  pending = null;
  return text;
}
