import type { Warehouse } from '../../pipelines/warehouse';
import type { BulletinModel } from './types';

/**
 * The issue registry (`bulletin_issues`, `bulletin_published_values`): a city bulletin recorded
 * as issued, with every figure it published, so that a later bulletin for the period footnotes
 * the figures a resubmission changed, and the same number is never reissued with other figures.
 */

/** The figures an issue of this document number published before, by `unit|indicator`. */
export async function issuedValues(wh: Warehouse, documentNumber: string): Promise<Map<string, number | null>> {
  const rows = await wh.all<{ unit_code: string; indicator_code: string; actual: number | null }>(
    'select unit_code, indicator_code, actual from bulletin_published_values where document_number = ?',
    [documentNumber],
  );
  return new Map(rows.map((r) => [`${r.unit_code}|${r.indicator_code}`, r.actual]));
}

/** Whether every figure of the model reads as an earlier issue of its number published it (none: true). */
export function sameAsIssued(model: BulletinModel, issued: Map<string, number | null>): boolean {
  if (issued.size === 0) return true;
  return model.rows.every((r) => sameValue(issued.get(`${r.unit_code}|${r.indicator_code}`), r.actual));
}

function sameValue(a: number | null | undefined, b: number | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** Records the city bulletin as issued, with every figure it published; one transaction. */
export async function recordIssue(wh: Warehouse, model: BulletinModel, file: { name: string; sha256: string }): Promise<number> {
  const { documentNumber, issuedOn } = model.issue;
  await wh.transaction(async () => {
    await wh.run('delete from bulletin_published_values where document_number = ?', [documentNumber]);
    await wh.run('delete from bulletin_issues where document_number = ?', [documentNumber]);
    await wh.run('insert into bulletin_issues values (?, ?, ?, cast(? as date), ?, ?, current_localtimestamp())', [
      documentNumber, model.period.code, model.scope.code, issuedOn, file.name, file.sha256,
    ]);
    for (const r of model.rows) {
      await wh.run('insert into bulletin_published_values values (?, ?, ?, ?, ?, ?)', [
        documentNumber, model.period.code, r.unit_code, r.indicator_code, r.actual, r.unit_of_measure,
      ]);
    }
  });
  return model.rows.length;
}
