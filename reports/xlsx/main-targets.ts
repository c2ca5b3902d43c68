import { xlsxMessages } from '../../pipelines/messages';
import { chineseNumber } from '../format';
import type { ProgressRow } from '../mart';
import { rowFor } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { mainTargetsCaption } from '../text/captions';
import { leftOutSentence } from '../text/phrases';
import { completionNote, restatementNotes, subtitleOf } from './common';
import { actualCell, completionCell, expectedCell, gapCell, restatementMark, statusCell, targetCell } from './numbers';
import type { SheetSpec } from './spec';

const h = xlsxMessages.header;

/** 主要目标: the PDF's table 二、主要目标完成情况, a row per indicator of a main target, for the bulletin's scope. */
export function mainTargetsSheet(model: BulletinModel): SheetSpec {
  const rows = model.indicators
    .filter((i) => i.mainTarget !== null)
    .map((ind) => rowFor(model, model.scope.code, ind.code))
    .filter((r): r is ProgressRow => r !== undefined);
  return {
    name: xlsxMessages.sheet.mainTargets,
    title: mainTargetsCaption(model),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.number, kind: 'label' },
      { header: h.indicator, kind: 'text', maxWidth: 34 },
      { header: h.unitOfMeasure, kind: 'label' },
      { header: h.yearTarget, kind: 'number' },
      { header: h.actual, kind: 'number' },
      { header: h.completion, kind: 'number' },
      { header: h.expected, kind: 'number' },
      { header: h.gap, kind: 'number' },
      { header: h.status, kind: 'label' },
    ],
    rows: rows.map((row) => ({
      cells: [
        chineseNumber(row.main_target ?? 0),
        row.indicator_name,
        row.unit_of_measure,
        targetCell(row),
        actualCell(row, restatementMark(model, row)),
        completionCell(row),
        expectedCell(row),
        gapCell(row),
        statusCell(row.status),
      ],
    })),
    notes: [completionNote(), ...leftOut(rows), ...restatementNotes(model, rows)],
  };
}

/** `嘉兴港区未按时报送，全市数据不含该区` where an aggregate's figures leave members out. */
export function leftOut(rows: readonly ProgressRow[]): string[] {
  const row = rows.find((r) => r.incomplete && r.missing_units);
  return row ? [`${leftOutSentence(row.missing_units!.split('、'), row.unit_name)}。`] : [];
}
