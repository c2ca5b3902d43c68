// Holds the warehouse open for writing for argv[3] milliseconds, like a long `nrp build` would.
// Prints "locked" once it holds the lock. Used by concurrency.test.ts (plain JS: runs without ts-node).
const { Warehouse } = require('../../dist/pipelines/warehouse');
(async () => {
  const wh = await Warehouse.open(process.argv[2]);
  await wh.run('create table if not exists held(x int)');
  process.stdout.write('locked\n');
  setTimeout(() => { wh.close(); process.exit(0); }, Number(process.argv[3]));
})();
