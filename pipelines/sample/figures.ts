import type { Day } from './dates';
import type { LedgerRow } from './ledger';
import type { PatchRow } from './patches';

/**
 * The figures kpis.md computes from the detail tables, computed here from the generator's own
 * rows: for the 指标进度 rows a unit declares for detail-sourced indicators, and for tuning.
 */
export interface LedgerFigures {
  landSupply: number;
  transferRevenue: number;
  industrialNum: number;
  industrialDen: number;
  stock: number;
  startNum: number;
  startDen: number;
  endNum: number;
  endDen: number;
}

export function ledgerFigures(rows: readonly LedgerRow[], yearStart: Day, end: Day): LedgerFigures {
  const f: LedgerFigures = { landSupply: 0, transferRevenue: 0, industrialNum: 0, industrialDen: 0, stock: 0, startNum: 0, startDen: 0, endNum: 0, endDen: 0 };
  for (const r of rows) {
    if (r.supply >= yearStart && r.supply <= end) {
      f.landSupply += r.area;
      if (r.stock) f.stock += r.area;
      if (r.method === '出让') {
        f.transferRevenue += (r.price ?? 0) / 10000;
        f.industrialDen += r.area;
        if (r.use === '工业') f.industrialNum += r.area;
      }
    }
    const startDue = r.extStart ?? r.agreedStart;
    if (startDue <= end && (r.actualStart === null || r.actualStart >= yearStart)) {
      f.startDen++;
      if (r.actualStart !== null && r.actualStart <= end) f.startNum++;
    }
    const endDue = r.extEnd ?? r.agreedEnd;
    if (endDue <= end && (r.actualEnd === null || r.actualEnd >= yearStart)) {
      f.endDen++;
      if (r.actualEnd !== null && r.actualEnd <= end) f.endNum++;
    }
  }
  return f;
}

export function patchFigures(rows: readonly PatchRow[]): { occupied: number; illegal: number } {
  return rows.reduce((s, p) => ({ occupied: s.occupied + p.occupied, illegal: s.illegal + p.illegal }), { occupied: 0, illegal: 0 });
}
