/**
 * Takes out of the page a JSON document the gateway put in it (`<script type="application/json"
 * id=…>`: the session, the citizen's manifest): read once, then removed, so a later change of
 * session never finds a stale copy. Undefined when absent or not JSON (the caller then asks the API).
 */
export function takeInlineJson(id: string): unknown {
  const element = document.getElementById(id);
  if (!element) return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '');
  } catch {
    return undefined;
  }
}
