/** What found a problem: the two engines, and the audit's own browser checks. */
export type Engine = 'axe' | 'htmlcs' | 'keyboard' | 'reflow' | 'text-spacing' | 'motion' | 'forced-colors';

/** A violation fails the audit; "review" items (HTML_CodeSniffer's warnings and notices) do not. */
export type Severity = 'violation' | 'review';

export interface Finding {
  engine: Engine;
  /** The rule's id: axe's ("color-contrast"), HTML_CodeSniffer's code, or the audit's ("focus-trap"). */
  rule: string;
  severity: Severity;
  /** axe's impact, or the audit's own judgement ("serious" for a trap). */
  impact?: string;
  /** A CSS path to the element, stable enough to compare runs. */
  selector: string;
  /** The start of the element's HTML. */
  html: string;
  /** What is wrong with this element. */
  message: string;
  /** The rule's explanation. */
  help: string;
  helpUrl?: string;
  /** The micro-frontend whose area holds the element (`data-mfe`), or "shell". */
  mfe: string;
  /** A PNG of the element outlined, base64; only for the first violations of a page. */
  screenshot?: string;
}

/** The checks beyond the two engines (which run on every page). */
export interface PageChecks {
  keyboard?: boolean;
  skipLink?: boolean;
  reflow?: boolean;
  textSpacing?: boolean;
  motion?: boolean;
  forcedColors?: boolean;
}

export type Theme = 'light' | 'dark' | 'high-contrast';

/** One visited page: a route in one language, theme, width, as one visitor, maybe in a key state. */
export interface PageSpec {
  /** Unique and stable between runs: used to compare reports. */
  id: string;
  path: string;
  /** "anonymous", a test citizen's first name, or "maria→carmen" (acting for). */
  visitor: string;
  language: string;
  theme: Theme;
  width: number;
  /** A key state reached after loading ("dialog-open", "form-errors", …), or undefined. */
  state?: string;
  checks: PageChecks;
}

export interface PageResult extends PageSpec {
  url: string;
  /** The manifest entry whose route the page is, or "shell" for the shell's own pages. */
  mfe: string;
  findings: Finding[];
  /** The keyboard walk: what Tab reached, in order. */
  tabOrder?: string[];
  /** The page could not be audited (did not load): counts as a violation. */
  error?: string;
  durationMs: number;
}

export interface AuditReport {
  tool: '@carpeta/a11y-audit';
  startedAt: string;
  durationMs: number;
  portal: string;
  /** How the matrix of pages was chosen. */
  matrix: string[];
  /** MFE id (or "shell") → owning administration (manifest `owner.name`). */
  owners: Record<string, string>;
  pages: PageResult[];
}
