import { fileMessages, ingestMessages } from '../messages';
import type { FileReport, IngestIssue, IngestReport } from './types';

/** `  供地台账!E7 “abc”: 供地面积（亩）应为数字（单位：亩）\n      供地面积（亩） must be a number in 亩` */
export function formatIssue(i: IngestIssue): string {
  const where = i.cell === undefined ? i.sheet ?? '' : i.cell.includes('!') || i.row === undefined ? i.cell : `第 ${i.row} 行${i.column ? ` ${i.column} 列` : ''} (row ${i.row}${i.column ? `, column ${i.column}` : ''})`;
  const value = i.value === undefined ? '' : i.value === null ? ' （空 empty）' : ` “${i.value}”`;
  const mark = i.severity === 'warning' ? '⚠ ' : '';
  return `  ${mark}${where}${value}${where || value ? ': ' : ''}${i.zh}\n      ${i.en}`;
}

/**
 * 12,345: a row count with the thousands grouped, as `toLocaleString('en-US')` prints it, without
 * its first call's cost (loading ICU's number data: about 20 ms of a one-file `nrp ingest`).
 */
export function groupedCount(n: number): string {
  return Number.isSafeInteger(n) && n >= 0 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US');
}

function tablesText(f: FileReport): string {
  const who = [f.unit_name, f.period].filter(Boolean).join(' ');
  const parts = f.tables.map((t) => {
    const skipped = ingestMessages.skippedRows(t.total_rows ?? 0, t.footer_rows ?? 0);
    return `${t.table_name}${t.version ? ` v${t.version}` : ''} (${groupedCount(t.rows)} 行 rows${t.path ? `, ${t.path}` : ''}${skipped ? `; ${skipped}` : ''})`;
  });
  return `${who}${parts.length ? ' — ' + parts.join(', ') : ' — 无数据行 no data rows'}`;
}

export function formatFile(f: FileReport, dryRun: boolean): string {
  const lines: string[] = [];
  if (f.status === 'duplicate') lines.push(ingestMessages.duplicate(f.file));
  else if (f.status === 'accepted') lines.push(dryRun ? ingestMessages.validOk(f.file, tablesText(f)) : ingestMessages.accepted(f.file, tablesText(f)));
  else {
    lines.push(ingestMessages.rejected(f.file, f.error_count));
    for (const e of f.errors) lines.push(formatIssue(e));
    if (f.error_count > f.errors.length) {
      const t = fileMessages.tooManyErrors(f.error_count, f.errors.length);
      lines.push(`  … ${t.zh} / ${t.en}`);
    }
  }
  for (const w of f.warnings) lines.push(formatIssue(w));
  return lines.join('\n') + '\n';
}

export function formatReport(r: IngestReport): string {
  return r.files.map((f) => formatFile(f, r.dry_run)).join('') + ingestMessages.summary(r.accepted, r.rejected, r.duplicates) + '\n';
}
