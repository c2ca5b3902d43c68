import type { Warehouse } from '../../pipelines/warehouse';
import { periodCode, type Period } from '../../pipelines/period';
import { loadReportRows, type ReportRow } from '../mart';
import type { PublishedValue, SubmissionUsed } from './model';

/** What the bulletin reads from the warehouse for one period. */
export interface BulletinData {
  rows: ReportRow[];
  /** Rows of the year's earlier quarters, oldest first (charts' trends; ranks last quarter). */
  history: ReportRow[];
  previousRows: ReportRow[];
  submissions: SubmissionUsed[];
  published: PublishedValue[];
}

export async function loadBulletinData(wh: Warehouse, period: Period): Promise<BulletinData> {
  const code = periodCode(period);
  const rows = await loadReportRows(wh, code);
  const history: ReportRow[] = [];
  let previousRows: ReportRow[] = [];
  for (let q = 1; q < period.quarter; q++) {
    const earlier = await loadReportRows(wh, periodCode({ year: period.year, quarter: q as Period['quarter'] }));
    history.push(...earlier);
    if (q === period.quarter - 1) previousRows = earlier;
  }
  return { rows, history, previousRows, submissions: await submissionsUsed(wh, code), published: await publishedValues(wh, code) };
}

/**
 * The submissions the marts read for the period: the newest version of each unit × table (the
 * registry, not a raw table). Units in display order, then table, so the list is stable.
 */
export async function submissionsUsed(wh: Warehouse, period: string): Promise<SubmissionUsed[]> {
  const rows = await wh.all<SubmissionUsed & { warnings: string[] | null }>(
    `select s.unit_code, coalesce(u.name, s.unit_code) as unit_name, s.table_name, s.version, s.file_name, s.sha256,
            s.row_count, strftime(s.loaded_at, '%Y-%m-%d %H:%M:%S') as loaded_at, s.warnings
       from submissions s
       left join units u on u.code = s.unit_code
      where s.period = ?
    qualify row_number() over (partition by s.unit_code, s.table_name order by s.version desc) = 1
      order by coalesce(u.display_order, 999), s.unit_code,
               case s.table_name when '指标进度' then 1 when '供地台账' then 2 when '卫片图斑' then 3 else 4 end, s.table_name`,
    [period],
  );
  return rows.map((r) => ({ ...r, version: Number(r.version), row_count: Number(r.row_count), warnings: [...(r.warnings ?? [])] }));
}

/** Values earlier bulletins for the period published (empty before the first `--issue`). */
export async function publishedValues(wh: Warehouse, period: string): Promise<PublishedValue[]> {
  return wh.all<PublishedValue>(
    `select v.document_number, cast(i.issued_on as varchar) as issued_on, v.unit_code, v.indicator_code, v.actual
       from bulletin_published_values v
       join bulletin_issues i using (document_number)
      where v.period = ?
      order by i.issued_on, v.document_number, v.unit_code, v.indicator_code`,
    [period],
  );
}

/** Records a bulletin as issued, with every figure it published; one transaction. */
export async function recordIssue(
  wh: Warehouse,
  issue: { documentNumber: string; period: string; scope: string; issuedOn: string; fileName: string; pdfSha256: string },
  rows: readonly ReportRow[],
): Promise<void> {
  await wh.transaction(async () => {
    await wh.run('delete from bulletin_published_values where document_number = ?', [issue.documentNumber]);
    await wh.run('delete from bulletin_issues where document_number = ?', [issue.documentNumber]);
    await wh.run('insert into bulletin_issues values (?, ?, ?, cast(? as date), ?, ?, current_localtimestamp())', [
      issue.documentNumber, issue.period, issue.scope, issue.issuedOn, issue.fileName, issue.pdfSha256,
    ]);
    for (const r of rows) {
      await wh.run('insert into bulletin_published_values values (?, ?, ?, ?, ?, ?)', [
        issue.documentNumber, issue.period, r.unit_code, r.indicator_code, r.actual, r.unit_of_measure,
      ]);
    }
  });
}

/** The figures an issue of this document number published before, to refuse silently reissuing changed figures. */
export async function issuedValues(wh: Warehouse, documentNumber: string): Promise<Map<string, number | null>> {
  const rows = await wh.all<{ unit_code: string; indicator_code: string; actual: number | null }>(
    'select unit_code, indicator_code, actual from bulletin_published_values where document_number = ?',
    [documentNumber],
  );
  return new Map(rows.map((r) => [`${r.unit_code}|${r.indicator_code}`, r.actual]));
}
