// Initialises an empty PGlite data directory (PGlite's initdb) and closes it: run by the globalSetup in
// a child process of its own, with --liftoff-only (see ../../../vitest.config.ts).
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: init-pglite.ts DATA_DIR');
const pglite = await PGlite.create(dataDir);
await pglite.close();
