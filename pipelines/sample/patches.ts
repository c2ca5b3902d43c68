import { rngFor } from './prng';
import { round2 } from './ledger';

/**
 * Satellite-enforcement patches (卫片图斑): one monitoring batch per quarter. A unit's file for
 * quarter q lists every patch of batches 1..q; a patch keeps its figures and only its
 * rectification status moves on (未整改 → 整改中 → 已整改).
 */
export interface Patch {
  id: string;
  batch: number;
  occupied: number;
  illegal: number;
  judgement: '合法' | '违法' | '其他';
}

export interface PatchRow extends Patch {
  status: string;
}

export interface PatchPlan {
  unitCode: string;
  year: number;
  /** Patches per batch (already × scale). */
  perBatch: number;
  /** Illegal share of occupied farmland wanted in each batch, in percent. */
  illegalPct: [number, number, number, number];
}

export function generatePatches(seed: number, plan: PatchPlan): Patch[] {
  const all: Patch[] = [];
  for (let batch = 1; batch <= 4; batch++) {
    const rng = rngFor(seed, `patches:${plan.unitCode}:${batch}`);
    const count = Math.max(3, Math.round(plan.perBatch * rng.between(0.85, 1.15)));
    const patches: Patch[] = [];
    for (let i = 1; i <= count; i++) {
      patches.push({
        id: `TB${plan.unitCode}-${plan.year}Q${batch}-${String(i).padStart(4, '0')}`,
        batch,
        occupied: round2(rng.between(0.3, 16)),
        illegal: 0,
        judgement: rng.chance(0.2) ? '其他' : '合法',
      });
    }
    // Illegal occupation concentrates in a few patches: enough of them to reach the wanted share.
    const total = patches.reduce((s, p) => s + p.occupied, 0);
    let wanted = (total * plan.illegalPct[batch - 1]) / 100;
    const k = Math.max(1, Math.round(count / 30));
    for (let j = 0; j < k && wanted > 0.01; j++) {
      const p = patches[rng.int(0, patches.length - 1)];
      if (p.judgement === '违法') continue;
      const amount = j === k - 1 ? wanted : wanted * rng.between(0.3, 0.7);
      p.judgement = '违法';
      p.illegal = Math.max(0.01, round2(amount));
      // A big illegal share needs a patch big enough to hold it.
      if (p.illegal > p.occupied) p.occupied = Math.max(p.illegal, round2(p.illegal / rng.between(0.6, 1)));
      wanted -= p.illegal;
    }
    all.push(...patches);
  }
  return all;
}

/** The patches reported for quarter q, with their status at that time. */
export function patchesAt(patches: readonly Patch[], quarter: number): PatchRow[] {
  return patches
    .filter((p) => p.batch <= quarter)
    .map((p) => ({ ...p, status: statusAt(p, quarter) }));
}

function statusAt(p: Patch, quarter: number): string {
  const age = quarter - p.batch;
  if (p.judgement === '合法') return '无需整改';
  if (p.judgement === '其他') return age === 0 ? '核查中' : '已核实';
  return age === 0 ? '未整改' : age === 1 ? '整改中' : '已整改';
}
