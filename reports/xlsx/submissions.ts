import { xlsxMessages } from '../../pipelines/messages';
import { periodLabel } from '../../pipelines/period';
import { joinNames, STATUS_FILL } from '../format';
import type { SubmissionStatusRow } from '../mart';
import { divisionSubmissionsInScope, expectedTables, missingUnits } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { Outline } from '../text/outline';
import { NO_WARNINGS, sourcesAnnex } from '../text/sources';
import { subtitleOf } from './common';
import { COUNT_FORMAT } from './numbers';
import { moment, num, type SheetSpec } from './spec';

const h = xlsxMessages.header;

/**
 * The submissions a model's edition shows: every unit's for the city, the unit's own otherwise;
 * with `divisions` (the bulletin's sheets, as the PDF's 附件), then the divisions' whose key tasks
 * the edition shows. A unit's feedback is about the unit's own files only.
 */
function inScope(model: BulletinModel, divisions = false): SubmissionStatusRow[] {
  const units = model.submissions.filter((s) => model.scope.isCity || s.unit_code === model.scope.code);
  return divisions ? [...units, ...divisionSubmissionsInScope(model)] : units;
}

/** 报送情况: every unit × expected table (mart_submission_status), arrived or not; what did not arrive on the grey of 未报送. */
export function submissionsSheet(model: BulletinModel, title = xlsxMessages.title.submissions(periodLabel(model.period)), divisions = false): SheetSpec {
  const rows = inScope(model, divisions);
  const missing = missingUnits(model).filter((u) => model.scope.isCity || u.code === model.scope.code).map((u) => u.name);
  const notArrived = rows.filter((s) => !s.arrived).length;
  return {
    name: xlsxMessages.sheet.submissions,
    title,
    subtitle: subtitleOf(model),
    columns: [
      { header: h.unit, kind: 'text', maxWidth: 20 },
      { header: h.table, kind: 'label' },
      { header: h.arrived, kind: 'label' },
      { header: h.version, kind: 'label' },
      { header: h.versionCount, kind: 'label' },
      { header: h.loadedAt, kind: 'number' },
      { header: h.rows, kind: 'number' },
      { header: h.warningCount, kind: 'number' },
    ],
    rows: rows.map((s) => ({
      cells: [
        s.unit_name,
        s.table_name,
        s.arrived
          ? { value: xlsxMessages.arrived, align: 'center' }
          : { value: xlsxMessages.notArrived, fill: STATUS_FILL.missing, bold: true, align: 'center' },
        num(s.version, COUNT_FORMAT),
        num(s.version_count, COUNT_FORMAT),
        moment(s.loaded_at),
        num(s.row_count, '#,##0'),
        num(s.warning_count, COUNT_FORMAT),
      ],
    })),
    notes: [
      xlsxMessages.note.submissions(expectedTables(model).join('、')),
      ...(missing.length ? [xlsxMessages.note.missingUnits(joinNames(missing))] : []),
      ...(!model.scope.isCity && notArrived === 0 ? [xlsxMessages.note.allArrived] : []),
    ],
  };
}

/**
 * 数据来源: each submission the figures come from (the latest version that arrived), its file,
 * sha256 and the warnings raised when it was loaded: the submissions the bulletin's annex lists
 * (reports/text/sources.ts; the divisions' only where the bulletin has its key-task part).
 */
export function sourcesSheet(model: BulletinModel): SheetSpec {
  const outline = new Outline(model);
  const { used } = sourcesAnnex(model, outline.has('keyTasks'));
  return {
    name: xlsxMessages.sheet.sources,
    title: outline.annexTitle('sources'),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.unit, kind: 'text', maxWidth: 20 },
      { header: h.table, kind: 'label' },
      { header: h.version, kind: 'label' },
      { header: h.fileName, kind: 'text', maxWidth: 30 },
      { header: h.sha256, kind: 'text', maxWidth: 72 },
      { header: h.loadedAt, kind: 'number' },
      { header: h.rows, kind: 'number' },
      { header: h.warnings, kind: 'text', maxWidth: 40 },
    ],
    rows: used.map((s) => ({
      cells: [s.unit_name, s.table_name, num(s.version, COUNT_FORMAT), s.file_name, s.sha256, moment(s.loaded_at), num(s.row_count, '#,##0'), s.warnings.join('\n') || null],
    })),
    notes: used.some((s) => s.warnings.length > 0) ? [] : [NO_WARNINGS],
  };
}

/** 校验提示 of a unit's feedback: one row per warning raised on its files this period (the latest version of each table). */
export function warningsSheet(model: BulletinModel): SheetSpec {
  const warnings = inScope(model).filter((s) => s.arrived).flatMap((s) => s.warnings.map((w) => ({ s, w })));
  return {
    name: xlsxMessages.sheet.warnings,
    title: xlsxMessages.title.warnings(model.scope.name),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.number, kind: 'number' },
      { header: h.table, kind: 'label' },
      { header: h.version, kind: 'label' },
      { header: h.fileName, kind: 'text', maxWidth: 30 },
      { header: h.warning, kind: 'text', maxWidth: 60 },
    ],
    rows: warnings.map(({ s, w }, i) => ({ cells: [num(i + 1, COUNT_FORMAT), s.table_name, num(s.version, COUNT_FORMAT), s.file_name, w] })),
    notes: warnings.length ? [] : [NO_WARNINGS],
  };
}
