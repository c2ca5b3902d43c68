import { bilingual } from './bilingual';

export const dictionaryMessages = {
  tablesSummary: 'list the warehouse relations with a one-line description',
  tablesHelp: `Usage: nrp tables [--db FILE]

Lists every table and view in the warehouse (seeds, raw submissions, models, marts) with its
layer and a one-line description. See \`nrp describe NAME\` for the columns.`,
  describeSummary: 'show the columns of a relation with their meaning',
  describeHelp: `Usage: nrp describe [--db FILE] NAME

Shows the columns of one table or view: name, type and what it means.`,
  needName: bilingual('请给出表名', 'give the name of a table or view: nrp describe NAME'),
  unknownRelation: (name: string, closest: string | undefined) =>
    bilingual(
      `没有名为“${name}”的表或视图${closest ? `，是否要查“${closest}”？` : ''}`,
      `no table or view named "${name}"${closest ? `; did you mean "${closest}"?` : ''}. See nrp tables.`,
    ),
};
