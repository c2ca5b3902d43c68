/**
 * A Vega-Lite spec as plain JSON. Kept loose on purpose: the tests validate every spec against
 * the JSON schema vega-lite ships, which is stricter than its TypeScript types.
 */
export type VlSpec = Record<string, unknown>;

/** One chart of the bulletin: `id` names what it shows (`rank-land_supply`), `title` in Chinese. */
export interface Chart {
  id: string;
  title: string;
  spec: VlSpec;
  /** What sort of chart: overview, matrix, rank, rate or trend (indicators); keytask (重点工作). */
  kind: ChartKind;
  /** Catalogue codes of the indicators it shows (all of them for overview/matrix/trend; none for keytask). */
  indicators: string[];
}

export type ChartKind = 'overview' | 'matrix' | 'rank' | 'rate' | 'trend' | 'keytask';
