import { dbOption, parseCommandArgs } from '../args';
import { EXIT } from '../errors';
import type { Io } from '../io';
import { dictionaryMessages } from '../messages';
import { listRelations } from '../dictionary/relations';
import { padEndDisplay } from '../query/width';
import { resolveDbPath, withReadWarehouse } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('tables', argv, { ...dbOption, json: { type: 'boolean' } });
  if (help) {
    io.stdout(dictionaryMessages.tablesHelp + '\n');
    return EXIT.ok;
  }
  const relations = await withReadWarehouse(resolveDbPath(values.db, io), listRelations);
  if (values.json) {
    io.stdout(JSON.stringify(relations, null, 2) + '\n');
    return EXIT.ok;
  }
  const width = Math.max(...relations.map((r) => r.name.length));
  let layer = '';
  for (const r of relations) {
    if (r.layer !== layer) {
      layer = r.layer;
      io.stdout(`\n${layer}\n`);
    }
    io.stdout(`  ${padEndDisplay(r.name, width)}  ${r.kind === 'view' ? '(view) ' : ''}${r.description}\n`);
  }
  return EXIT.ok;
}
