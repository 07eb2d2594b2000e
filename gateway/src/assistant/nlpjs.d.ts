// nlp.js ships no types: the few parts the assistant uses.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Promise<Container>;
}
declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
  export interface NlpResult {
    intent: string;
    score: number;
    classifications?: { intent: string; score: number }[];
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    export(minified?: boolean): string;
    import(data: string): void;
    container: Container;
  }
}
declare module '@nlpjs/language' {
  export class Language {
    guess(text: string, allowList?: string[], limit?: number): { alpha2: string; score: number }[];
  }
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/lang-ca' {
  export const LangCa: unknown;
}
declare module '@nlpjs/lang-gl' {
  export const LangGl: unknown;
}
declare module '@nlpjs/lang-eu' {
  export const LangEu: unknown;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
