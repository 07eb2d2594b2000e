import { defineProject } from 'vitest/config';
import { carpetaMfeTests } from '@carpeta/sdk/vite';

export default defineProject(carpetaMfeTests({ name: 'home' }));
