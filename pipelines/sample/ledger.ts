import { day, quarterEnd, quarterStart, type Day } from './dates';
import { rngFor, type Rng } from './prng';

/**
 * A unit's land-supply ledger as a story over time: each parcel is generated once with its whole
 * future (when it starts, completes, gets an extension), and `ledgerAt(parcels, P)` shows what the
 * unit knows at the period end P. So the quarterly snapshots agree with each other by construction.
 */
export type LandUse = '工业' | '商服' | '住宅' | '公共管理与公共服务' | '交通运输' | '其他';

export interface Parcel {
  id: string;
  project: string;
  /** As the unit writes it: 挂牌出让, 拍卖出让, 协议出让, 出让 or 划拨. */
  methodLabel: string;
  method: '出让' | '划拨';
  use: LandUse;
  area: number;
  stock: boolean;
  /** 万元; null for 划拨. */
  price: number | null;
  supply: Day;
  agreedStart: Day;
  agreedEnd: Day;
  actualStart: Day | null;
  actualEnd: Day | null;
  extStart: Day | null;
  extEnd: Day | null;
  /** The day an extension was approved: it appears in the ledger from then on. */
  extStartApproved: Day | null;
  extEndApproved: Day | null;
}

/** A parcel as the ledger shows it at one period end: future facts hidden. */
export interface LedgerRow extends Parcel {}

export interface LedgerPlan {
  unitCode: string;
  year: number;
  /** 亩 to supply in the reporting year (already × scale). */
  yearArea: number;
  /** Cumulative share of the year's area supplied by the end of Q1..Q4 (last = 1). */
  quarterShares: [number, number, number, number];
  /** 亩 supplied in each earlier year (already × scale). */
  earlierYearArea: number;
  /** Weight of 工业 among new parcels (the rest shared by the other uses). */
  industrialWeight: number;
  /** Share of the year's supplied area that is 存量 (stock) land. */
  stockShare: number;
  /** 万元 of 出让 revenue wanted for the reporting year. */
  revenueWan: number;
  /** How punctual the unit's projects are: shifts the start/completion behaviour. */
  punctuality: number;
}

const FIRST_YEAR_BACK = 3;

const AREA_RANGE: Record<LandUse, [number, number]> = {
  工业: [12, 90],
  商服: [6, 45],
  住宅: [15, 110],
  公共管理与公共服务: [4, 50],
  交通运输: [5, 80],
  其他: [3, 30],
};

/** 万元 per 亩 before the unit's revenue is calibrated. */
const PRICE_PER_MU: Record<LandUse, [number, number]> = {
  工业: [28, 52],
  商服: [180, 420],
  住宅: [380, 900],
  公共管理与公共服务: [60, 160],
  交通运输: [40, 120],
  其他: [60, 160],
};

export function generateParcels(seed: number, plan: LedgerPlan): Parcel[] {
  const rng = rngFor(seed, `ledger:${plan.unitCode}`);
  const names = rngFor(seed, `names:${plan.unitCode}`);
  const parcels: Parcel[] = [];
  for (let y = plan.year - FIRST_YEAR_BACK; y < plan.year; y++) {
    let seq = 0;
    supplyWithin(rng, plan, plan.earlierYearArea, quarterStart(y, 1), quarterEnd(y, 4), (area, use, supply) => {
      parcels.push(makeParcel(rng, names, plan, y, ++seq, use, area, supply));
    });
  }
  let seq = 0;
  let previousShare = 0;
  for (let q = 1; q <= 4; q++) {
    const share = plan.quarterShares[q - 1];
    const budget = plan.yearArea * (share - previousShare);
    previousShare = share;
    supplyWithin(rng, plan, budget, quarterStart(plan.year, q), quarterEnd(plan.year, q), (area, use, supply) => {
      parcels.push(makeParcel(rng, names, plan, plan.year, ++seq, use, area, supply));
    });
  }
  const current = parcels.filter((p) => p.supply >= quarterStart(plan.year, 1));
  markStock(rngFor(seed, `stock:${plan.unitCode}`), current, plan.stockShare);
  calibrateRevenue(current, plan.revenueWan);
  // Parcels completed before the reporting year have left supervision: not on any of its ledgers.
  // So have parcels idle for over half a year by then: the land was taken back (闲置土地处置).
  const yearStart = quarterStart(plan.year, 1);
  return parcels.filter((p) => (p.actualEnd === null || p.actualEnd >= yearStart) && !(p.actualStart === null && p.agreedStart < yearStart - 200));
}

/** Draws parcels until `budget` 亩 are supplied, dates uniform within [from, to]. */
function supplyWithin(rng: Rng, plan: LedgerPlan, budget: number, from: Day, to: Day, add: (area: number, use: LandUse, supply: Day) => void) {
  const other = (1 - plan.industrialWeight) / 5;
  const weights: Record<LandUse, number> = {
    工业: plan.industrialWeight,
    商服: other * 0.9,
    住宅: other * 1.3,
    公共管理与公共服务: other * 1.2,
    交通运输: other * 0.9,
    其他: other * 0.7,
  };
  let left = budget;
  while (left > 2) {
    const use = rng.weighted(weights);
    const [lo, hi] = AREA_RANGE[use];
    let area = round2(rng.between(lo, hi));
    if (area > left) area = round2(left);
    left -= area;
    add(area, use, rng.int(from, to));
  }
}

function makeParcel(rng: Rng, names: Rng, plan: LedgerPlan, year: number, seq: number, use: LandUse, area: number, supply: Day): Parcel {
  const allocated = use === '公共管理与公共服务' || use === '交通运输' ? rng.chance(0.88) : use === '其他' ? rng.chance(0.3) : false;
  const method = allocated ? '划拨' : '出让';
  const methodLabel = allocated ? '划拨' : rng.weighted({ 挂牌出让: 0.7, 拍卖出让: 0.08, 协议出让: 0.07, 出让: 0.15 });
  const [plo, phi] = PRICE_PER_MU[use];
  const price = allocated ? null : round2(area * rng.between(plo, phi));
  const agreedStart = supply + rng.int(90, 330);
  const agreedEnd = agreedStart + rng.int(540, 1000);
  const p: Parcel = {
    id: `${plan.unitCode}-${year}-${String(seq).padStart(3, '0')}`,
    project: projectName(names, use),
    methodLabel,
    method,
    use,
    area,
    stock: false,
    price,
    supply,
    agreedStart,
    agreedEnd,
    actualStart: null,
    actualEnd: null,
    extStart: null,
    extEnd: null,
    extStartApproved: null,
    extEndApproved: null,
  };
  live(rng, p, plan.punctuality);
  return p;
}

/**
 * What happens to a parcel after supply. Tuned (see test/sample) so that the city's commencement
 * rate lands near 90% and its completion rate near 70%, counted by parcel as kpis.md defines.
 */
function live(rng: Rng, p: Parcel, punctuality: number) {
  // m scales every kind of slippage: about 1 for an average unit, more for a laggard.
  const m = 2 * Math.max(0.1, 1 - punctuality);
  const start = rng.next();
  if (start < 0.03 * m) {
    // idle: not started at all through the reporting year
  } else if (start < 0.06 * m) {
    p.actualStart = p.agreedStart + rng.int(120, 300);
  } else if (start < 0.16 * m) {
    p.actualStart = p.agreedStart + rng.int(10, 60);
  } else if (start < 0.21 * m) {
    p.extStart = p.agreedStart + rng.int(150, 360);
    p.extStartApproved = Math.max(p.supply + 1, p.agreedStart - rng.int(10, 60));
    p.actualStart = p.extStart - rng.int(0, 60);
  } else {
    p.actualStart = p.agreedStart - rng.int(0, 75);
  }
  if (p.actualStart !== null && p.actualStart < p.supply) p.actualStart = p.supply + rng.int(10, 40);
  if (p.actualStart === null) return;

  const startDelay = Math.max(0, p.actualStart - (p.extStart ?? p.agreedStart));
  const end = rng.next();
  const due = p.agreedEnd;
  if (end < 0.26 * m) {
    p.actualEnd = due + rng.int(380, 800);
    // Half of the long-overdue projects get an extension approved after the fact: from then on
    // they are no longer due, as the contract reads (延期竣工日期 replaces 约定竣工日期).
    if (rng.chance(0.5)) {
      p.extEnd = p.actualEnd + rng.int(0, 60);
      p.extEndApproved = due + rng.int(60, 200);
    }
  } else if (end < 0.5 * m) {
    p.actualEnd = due + rng.int(10, 90);
  } else if (end < 0.56 * m) {
    p.extEnd = due + rng.int(180, 420);
    p.extEndApproved = Math.max(p.actualStart + 1, due - rng.int(10, 90));
    p.actualEnd = p.extEnd - rng.int(0, 90);
  } else {
    p.actualEnd = due - rng.int(0, 120) + Math.min(startDelay, 60);
  }
  if (p.actualEnd < p.actualStart + 240) p.actualEnd = p.actualStart + rng.int(240, 330);
}

/** Marks random parcels as 存量 until their area reaches `share` of the total. */
function markStock(rng: Rng, parcels: Parcel[], share: number) {
  const total = parcels.reduce((s, p) => s + p.area, 0);
  let wanted = total * share;
  const order = parcels.map((p, i) => ({ i, k: rng.next() })).sort((a, b) => a.k - b.k);
  for (const { i } of order) {
    if (wanted <= 0) break;
    if (parcels[i].area <= wanted * 1.5) {
      parcels[i].stock = true;
      wanted -= parcels[i].area;
    }
  }
}

/** Scales the year's 出让 prices (industrial land keeps its price) so the revenue lands on `wanted`. */
function calibrateRevenue(parcels: Parcel[], wanted: number) {
  const sold = parcels.filter((p) => p.price !== null);
  const fixed = sold.filter((p) => p.use === '工业').reduce((s, p) => s + p.price!, 0);
  const flexible = sold.filter((p) => p.use !== '工业').reduce((s, p) => s + p.price!, 0);
  if (flexible <= 0) return;
  const factor = Math.min(3, Math.max(0.3, (wanted - fixed) / flexible));
  for (const p of sold) if (p.use !== '工业') p.price = round2(p.price! * factor);
}

/** The ledger as the unit reports it at `end`: supplied by then, facts after `end` not yet known. */
export function ledgerAt(parcels: readonly Parcel[], end: Day): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const p of parcels) {
    if (p.supply > end) continue;
    const extStartKnown = p.extStartApproved !== null && p.extStartApproved <= end;
    const extEndKnown = p.extEndApproved !== null && p.extEndApproved <= end;
    rows.push({
      ...p,
      actualStart: p.actualStart !== null && p.actualStart <= end ? p.actualStart : null,
      actualEnd: p.actualEnd !== null && p.actualEnd <= end ? p.actualEnd : null,
      extStart: extStartKnown ? p.extStart : null,
      extEnd: extEndKnown ? p.extEnd : null,
    });
  }
  return rows;
}

const NAME_HEAD = ['嘉兴', '浙江', '嘉禾', '禾城', '南湖', '长三角', '运河', '秀水'];
const NAME_MID = ['恒瑞', '鼎盛', '宏达', '博远', '新丰', '华泰', '正泰', '嘉诚', '锦程', '盛欣', '瑞丰', '天成', '永昌', '中科', '东方'];
const INDUSTRY = ['智能装备', '新材料', '光伏组件', '汽车零部件', '集成电路', '生物医药', '高端纺织', '食品加工', '精密机械', '氢能装备'];
const ROADS = ['中山路', '南溪路', '昌盛路', '长水路', '凌公塘路', '纺工路', '秀洲大道', '庆丰路', '七星路', '亚太路'];

function projectName(rng: Rng, use: LandUse): string {
  const firm = `${rng.pick(NAME_HEAD)}${rng.pick(NAME_MID)}`;
  switch (use) {
    case '工业': {
      const industry = rng.pick(INDUSTRY);
      return `${firm}${industry}有限公司年产${rng.int(2, 60)}万套${industry}项目`;
    }
    case '商服':
      return `${rng.pick(ROADS)}${rng.pick(['商业综合体', '商务楼宇', '酒店', '商业街区'])}项目`;
    case '住宅':
      return `${rng.pick(ROADS)}${rng.pick(['东侧', '西侧', '南侧', '北侧'])}地块住宅项目`;
    case '公共管理与公共服务':
      return `${rng.pick(['实验小学', '社区服务中心', '人民医院分院', '文化中心', '养老服务中心', '幼儿园'])}新建工程（${rng.pick(ROADS)}）`;
    case '交通运输':
      return `${rng.pick(ROADS)}${rng.pick(['改建工程', '延伸段工程', '公交首末站', '停车场'])}`;
    case '其他':
      return `${firm}${rng.pick(['仓储物流', '配套设施', '研发中心'])}项目`;
  }
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export { day };
