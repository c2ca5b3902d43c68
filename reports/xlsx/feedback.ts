import { xlsxMessages } from '../../pipelines/messages';
import { periodLabel } from '../../pipelines/period';
import { chineseNumber } from '../format';
import type { ProgressRow } from '../mart';
import { previousRow, rowFor, scorecardOf, scopeRows } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { indicatorSentence, lightCounts, rankPhrase } from '../text/phrases';
import { restatementNotes, subtitleOf, completionNote } from './common';
import { keyTasksSheet } from './key-tasks';
import { actualCell, completionCell, COUNT_FORMAT, expectedCell, gapCell, RANK_FORMAT, restatementMark, statusCell, targetCell } from './numbers';
import { num, type SheetSpec } from './spec';
import { submissionsSheet, warningsSheet } from './submissions';

const h = xlsxMessages.header;

/**
 * A unit's feedback workbook, from a one-unit model (readBulletinModels with `unit`): its figures
 * with its rank among the units, light and gap; the indicators where it is red or yellow, each
 * with the bulletin's sentence about it; every table it was due to send and whether it arrived;
 * the warnings raised on its files; its key tasks (the model holds those that name it).
 */
export function feedbackSheets(model: BulletinModel): SheetSpec[] {
  return [
    ownFiguresSheet(model),
    attentionSheet(model),
    submissionsSheet(model, xlsxMessages.title.unitSubmissions(model.scope.name, periodLabel(model.period))),
    warningsSheet(model),
    keyTasksSheet(model, xlsxMessages.note.noKeyTasks),
  ];
}

function ownFiguresSheet(model: BulletinModel): SheetSpec {
  const rows = scopeRows(model);
  const card = scorecardOf(model, model.scope.code);
  return {
    name: xlsxMessages.sheet.ownFigures,
    title: xlsxMessages.title.ownFigures(model.scope.name, periodLabel(model.period)),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.mainTarget, kind: 'label' },
      { header: h.indicator, kind: 'text', maxWidth: 34 },
      { header: h.unitOfMeasure, kind: 'label' },
      { header: h.target, kind: 'number' },
      { header: h.actual, kind: 'number' },
      { header: h.completion, kind: 'number' },
      { header: h.expected, kind: 'number' },
      { header: h.gap, kind: 'number' },
      { header: h.rank, kind: 'label' },
      { header: h.rankedUnits, kind: 'label' },
      { header: h.status, kind: 'label' },
      { header: h.cityActual(model.city.name), kind: 'number' },
    ],
    rows: rows.map((row) => {
      const city = rowFor(model, model.city.code, row.indicator_code);
      return {
        cells: [
          row.main_target === null ? null : chineseNumber(row.main_target),
          row.indicator_name,
          row.unit_of_measure,
          targetCell(row),
          actualCell(row, restatementMark(model, row)),
          completionCell(row),
          expectedCell(row),
          gapCell(row),
          num(row.rank, RANK_FORMAT),
          num(row.ranked_units, COUNT_FORMAT),
          statusCell(row.status),
          city ? actualCell(city) : null,
        ],
      };
    }),
    notes: [...(card ? [xlsxMessages.note.lights(lightCounts(card))] : []), completionNote(), ...restatementNotes(model, rows)],
  };
}

function attentionSheet(model: BulletinModel): SheetSpec {
  const rows = scopeRows(model).filter((r) => r.status === 'red' || r.status === 'yellow');
  const explain = (row: ProgressRow) => indicatorSentence(row, model.scope.name) + rankPhrase(row, previousRow(model, row.unit_code, row.indicator_code), model.city.name) + '。';
  return {
    name: xlsxMessages.sheet.attention,
    title: xlsxMessages.title.attention(model.scope.name),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.indicator, kind: 'text', maxWidth: 34 },
      { header: h.status, kind: 'label' },
      { header: h.unitOfMeasure, kind: 'label' },
      { header: h.target, kind: 'number' },
      { header: h.actual, kind: 'number' },
      { header: h.completion, kind: 'number' },
      { header: h.gap, kind: 'number' },
      { header: h.rank, kind: 'label' },
      { header: h.explanation, kind: 'text', maxWidth: 50 },
    ],
    rows: rows.map((row) => ({
      cells: [row.indicator_name, statusCell(row.status), row.unit_of_measure, targetCell(row), actualCell(row, restatementMark(model, row)), completionCell(row), gapCell(row), num(row.rank, RANK_FORMAT), explain(row)],
    })),
    notes: rows.length ? restatementNotes(model, rows) : [xlsxMessages.note.noAttention],
  };
}
