// Writes src/tokens.css from src/tokens/tokens.ts. Run: pnpm --filter @carpeta/design-system run tokens
import { writeFileSync } from 'node:fs';
import { renderTokensCss } from '../src/tokens/css.ts';

const target = new URL('../src/tokens.css', import.meta.url);
writeFileSync(target, renderTokensCss());
console.log(`wrote ${target.pathname}`);
