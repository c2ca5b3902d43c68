/**
 * The workbooks: the bulletin's tables (bulletinWorkbook) and each unit's feedback
 * (feedbackWorkbook), views over the same bulletin model as the PDF. Sheet builders are pure
 * functions of the model (→ spec.ts); writer.ts turns them into an exceljs workbook and bytes.ts
 * into the same bytes for the same model.
 */
import type { BulletinModel } from '../model/types';
import { workbookBytes } from './bytes';
import { feedbackSheets } from './feedback';
import { keyTasksSheet } from './key-tasks';
import { mainTargetsSheet } from './main-targets';
import { matrixSheet } from './matrix';
import { rankingSheets } from './rankings';
import type { SheetSpec } from './spec';
import { sourcesSheet, submissionsSheet } from './submissions';
import { buildWorkbook } from './writer';

export { FORBIDDEN_PART } from './bytes';
export { zipEntryNames } from '../../pipelines/zip';
export { feedbackSheets } from './feedback';
export type { SheetSpec } from './spec';
export { HEADER_ROW } from './spec';

/** The bulletin's tables, sheet by sheet: 主要目标, 各地完成情况, a ranking sheet per main target, 重点工作 (when key tasks are in the model), 报送情况, 数据来源. */
export function bulletinSheets(model: BulletinModel): SheetSpec[] {
  return [
    mainTargetsSheet(model),
    matrixSheet(model),
    ...rankingSheets(model),
    ...(model.keyTasks.milestones.length > 0 ? [keyTasksSheet(model)] : []),
    submissionsSheet(model, undefined, true),
    sourcesSheet(model),
  ];
}

export function bulletinWorkbook(model: BulletinModel): Promise<Buffer> {
  return render(model, bulletinSheets(model));
}

/** A unit's feedback workbook; `model` is the unit's one-unit model. */
export function feedbackWorkbook(model: BulletinModel): Promise<Buffer> {
  if (model.scope.isCity) throw new Error('a feedback workbook is for one reporting unit: read its model with { unit }');
  return render(model, feedbackSheets(model));
}

/**
 * `反馈-海宁市-2023Q2.xlsx`: by the unit's name, as the units name their own files
 * (`海宁市_2023Q2.xlsx`), so a clerk forwarding it sees whose it is.
 */
export function feedbackFileName(model: BulletinModel): string {
  return `反馈-${model.scope.name.replace(/[\\/:*?"<>|]/g, '_')}-${model.period.code}.xlsx`;
}

function render(model: BulletinModel, sheets: SheetSpec[]): Promise<Buffer> {
  const [y, m, d] = model.issue.issuedOn.split('-').map(Number);
  const wb = buildWorkbook(sheets, { author: model.issue.issuer, date: new Date(Date.UTC(y, m - 1, d)), pageHeader: model.issue.documentNumber });
  return workbookBytes(wb, model.issue.issuedOn);
}
