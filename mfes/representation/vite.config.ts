import angular from '@analogjs/vite-plugin-angular';
import type { ChunkingGraph } from '@carpeta/sdk/federation';
import { defineCarpetaMfe } from '@carpeta/sdk/vite';

const source = `${import.meta.dirname}/src/`;
const LIFECYCLES = `${source}lifecycles.ts`;

/** The federation plugin's modules (views, copies, runtime) and Rolldown's own: left to their groups. */
const NOT_THE_MFES = /__loadShare__|__prebuild__|__mf_|@module-federation|^\0/;

/** Whether the powers' page (the exposed lifecycles) imports a module, directly or through others. */
function importedForThePowers(id: string, graph: ChunkingGraph, seen = new Set<string>()): boolean {
  if (id === LIFECYCLES) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return (graph.getModuleInfo(id)?.importers ?? []).some((importer) =>
    importedForThePowers(importer, graph, seen),
  );
}

/**
 * Everything the powers' page imports, in one chunk. The registry and the grant form are chunks of
 * their own (`@defer` in representation-app.component.ts); what the page shares with them (the
 * schemas, zod, the date field…) would otherwise be split by who imports it into two chunks, one
 * more script on the page.
 */
const POWERS_GROUP = {
  name: (id: string, graph: ChunkingGraph) =>
    id !== LIFECYCLES && !NOT_THE_MFES.test(id) && importedForThePowers(id, graph) ? 'powers' : null,
  priority: 0,
};

const preset = await defineCarpetaMfe({
  name: 'representation',
  framework: 'angular',
  // The Angular compiler compiles this MFE's own code; the sdk and the rest are plain TypeScript.
  plugins: [
    angular({ tsconfig: 'tsconfig.app.json', transformFilter: (_code, id) => id.startsWith(source) }),
  ],
  exposes: { './lifecycles': './src/lifecycles.ts', './registry': './src/registry.ts' },
});
const { rolldownOptions } = preset.build;

export default {
  ...preset,
  build: {
    ...preset.build,
    rolldownOptions: {
      ...rolldownOptions,
      output: {
        ...rolldownOptions.output,
        codeSplitting: { groups: [...rolldownOptions.output.codeSplitting.groups, POWERS_GROUP] },
      },
    },
  },
};
