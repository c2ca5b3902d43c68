import { closest, dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { dictionaryMessages } from '../messages';
import { describeRelation, listRelations } from '../dictionary/relations';
import { padEndDisplay } from '../query/width';
import { resolveDbPath, withReadWarehouse } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('describe', argv, { ...dbOption, json: { type: 'boolean' } }, { positionals: true });
  if (help) {
    io.stdout(dictionaryMessages.describeHelp + '\n');
    return EXIT.ok;
  }
  const name = positionals[0];
  if (!name || positionals.length > 1) throw CliError.usage(dictionaryMessages.needName);
  return withReadWarehouse(resolveDbPath(values.db, io), async (wh) => {
    const relations = await listRelations(wh);
    const relation = relations.find((r) => r.name === name);
    if (!relation) throw new CliError(dictionaryMessages.unknownRelation(name, closest(name, relations.map((r) => r.name))));
    const columns = await describeRelation(wh, name);
    if (values.json) {
      io.stdout(JSON.stringify({ ...relation, columns }, null, 2) + '\n');
      return EXIT.ok;
    }
    io.stdout(`${relation.name} (${relation.layer} ${relation.kind})\n${relation.description}\n\n`);
    const nameWidth = Math.max(...columns.map((c) => c.name.length), 6);
    const typeWidth = Math.max(...columns.map((c) => c.type.length), 4);
    for (const c of columns) io.stdout(`  ${padEndDisplay(c.name, nameWidth)}  ${padEndDisplay(c.type, typeWidth)}  ${c.description}\n`);
    return EXIT.ok;
  });
}
