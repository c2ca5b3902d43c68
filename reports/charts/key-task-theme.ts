import type { KeyTaskProgressRow, KeyTaskStatusInfo } from '../mart';

/**
 * How the key tasks' statuses and lights look in every chart, beside the indicators' theme
 * (theme.ts). Colour follows the mart's light (the same Okabe–Ito hues: green, orange,
 * vermillion, grey); within a light a finished milestone is the full hue and one in progress a
 * lighter tint, so lightness alone separates them. Every status also has its own shape: filled
 * for the finished (● 按期完成, ▲ 逾期完成), hollow for those in progress (○ 序时推进, △ 滞后序时),
 * ■ for 逾期未完成 and ✚ for 未报送, so nothing depends on telling colours apart. The names are
 * the seed's (key_task_statuses), never written here.
 */
export type KeyTaskStatus = KeyTaskProgressRow['status_code'];
export type KeyTaskLight = KeyTaskProgressRow['light'];

/** A ring and a hollow triangle: the inner outline runs the other way, so it is a hole under the nonzero rule. */
const RING = 'M1,0A1,1,0,1,1,-1,0A1,1,0,1,1,1,0Z M0.5,0A0.5,0.5,0,1,0,-0.5,0A0.5,0.5,0,1,0,0.5,0Z';
const HOLLOW_TRIANGLE = 'M0,-1L1,0.8L-1,0.8Z M0,-0.34L-0.45,0.47L0.45,0.47Z';

export const KEY_TASK_STATUS_STYLE: Record<KeyTaskStatus, { color: string; shape: string }> = {
  done_on_time: { color: '#009E73', shape: 'circle' },
  on_track: { color: '#80CEB9', shape: RING },
  done_late: { color: '#E69F00', shape: 'triangle-up' },
  lagging: { color: '#F2CF80', shape: HOLLOW_TRIANGLE },
  overdue: { color: '#D55E00', shape: 'square' },
  not_reported: { color: '#BDBDBD', shape: 'cross' },
};

/** A scope's light (the worst of its milestones'), as the division chart colours and marks it. */
export const KEY_TASK_LIGHT_STYLE: Record<KeyTaskLight, { color: string; shape: string }> = {
  green: { color: '#009E73', shape: 'circle' },
  yellow: { color: '#E69F00', shape: 'triangle-up' },
  red: { color: '#D55E00', shape: 'square' },
  grey: { color: '#8C8C8C', shape: 'cross' },
};

export const KEY_TASK_LIGHT_ORDER: KeyTaskLight[] = ['green', 'yellow', 'red', 'grey'];

/** Colour and shape scales keyed by the seed's status names, in its order, so both legends merge into one. */
export function keyTaskStatusScales(statuses: readonly KeyTaskStatusInfo[]) {
  const ordered = [...statuses].sort((a, b) => a.status_order - b.status_order);
  return {
    color: { domain: ordered.map((s) => s.status_name), range: ordered.map((s) => KEY_TASK_STATUS_STYLE[s.status_code].color) },
    shape: { domain: ordered.map((s) => s.status_name), range: ordered.map((s) => KEY_TASK_STATUS_STYLE[s.status_code].shape) },
  };
}
