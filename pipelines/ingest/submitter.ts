import { fileMessages } from '../messages';
import { isDivision, type UnitRow } from './identity';
import type { LandedTable } from './landed';
import type { IngestIssue } from './types';
import { fileError, type FileWork } from './work';

/**
 * The tables a file may hold for its submitter: a unit's 指标进度, 供地台账 and 卫片图斑, a
 * division's 重点工作进展 (key-tasks.md). A table of the other kind is an error (a division's
 * file holding 指标进度, a unit's workbook with a 重点工作进展 sheet): the file is refused rather
 * than loaded in part. A file whose submitter is unknown keeps every table (its checks still run,
 * so that all its errors are listed at once).
 */
export function submitterTables(w: FileWork, unit: UnitRow | undefined): { kept: LandedTable[]; refused: IngestIssue[] } {
  if (!unit) return { kept: w.tables, refused: [] };
  const kind = isDivision(unit) ? 'division' : 'unit';
  const kept = w.tables.filter((t) => t.table.submitter === kind);
  const refused = w.tables
    .filter((t) => t.table.submitter !== kind)
    .map((t) => fileError(w, 'table_not_for_submitter', kind === 'division' ? fileMessages.notForDivision(t.table.name) : fileMessages.notForUnit(t.table.name), { sheet: t.sheet ?? t.table.name }));
  return { kept, refused };
}
