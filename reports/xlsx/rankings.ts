import { xlsxMessages } from '../../pipelines/messages';
import { chineseNumber } from '../format';
import { rowsOfIndicator } from '../model/lookup';
import type { BulletinModel, MainTarget } from '../model/types';
import { rankingOrder } from '../model/lookup';
import { restatementNotes, sheetName, subtitleOf } from './common';
import { actualCell, completionCell, gapCell, RANK_FORMAT, restatementMark, statusCell, targetCell } from './numbers';
import { num, type RowSpec, type SheetSpec } from './spec';

const h = xlsxMessages.header;

/**
 * One sheet per main target (三、分项进展's （一）…（十）): each of its indicators as a block under
 * a caption, the units in the PDF's ranking order (rankingOrder: by rank, then unranked, then
 * not submitted, then the aggregates), the scope and the aggregates in bold as the PDF sets them.
 */
export function rankingSheets(model: BulletinModel): SheetSpec[] {
  return model.mainTargets.map((family, i) => rankingSheet(model, family, i + 1));
}

function rankingSheet(model: BulletinModel, family: MainTarget, n: number): SheetSpec {
  const heading = xlsxMessages.sheet.family(chineseNumber(n), family.title);
  const rows: RowSpec[] = [];
  const shown = family.indicators.flatMap((ind) => rowsOfIndicator(model, ind.code));
  for (const ind of family.indicators) {
    rows.push({ caption: xlsxMessages.rankingCaption(ind.name, ind.unitOfMeasure) });
    for (const row of rankingOrder(rowsOfIndicator(model, ind.code))) {
      rows.push({
        bold: row.unit_code === model.scope.code || row.unit_kind === 'aggregate',
        cells: [
          num(row.rank, RANK_FORMAT),
          row.unit_name,
          targetCell(row),
          actualCell(row, restatementMark(model, row)),
          completionCell(row),
          gapCell(row),
          statusCell(row.status),
        ],
      });
    }
  }
  return {
    name: sheetName(heading),
    title: xlsxMessages.title.family(heading),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.rank, kind: 'label' },
      { header: h.unit, kind: 'text', maxWidth: 24 },
      { header: h.target, kind: 'number' },
      { header: h.actual, kind: 'number' },
      { header: h.completion, kind: 'number' },
      { header: h.gap, kind: 'number' },
      { header: h.status, kind: 'label' },
    ],
    rows,
    notes: [xlsxMessages.note.ranking, ...restatementNotes(model, shown)],
  };
}
