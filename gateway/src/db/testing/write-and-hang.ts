// A gateway stand-in for a crash test: opens the embedded database in the folder given as argument,
// writes a few records, says "written" and waits to be killed (it never closes the database).
import { openDatabase } from '../index.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: write-and-hang.ts DATA_DIR');
const database = await openDatabase({ dataDir });
const at = new Date('2030-01-01T00:00:00.000Z');
for (let i = 0; i < 5; i++) await database.throttle.fail('crash', at, 365 * 24 * 3_600_000);
await database.audit.record({
  kind: 'sign-in',
  at,
  citizenNif: 'crash',
  method: 'dnie',
  loa: 'high',
  ip: null,
  userAgent: null,
  detail: { pid: process.pid },
});
process.stdout.write('written\n');
setInterval(() => {}, 60_000);
