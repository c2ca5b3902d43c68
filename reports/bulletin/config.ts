import { readFileSync } from 'node:fs';
import { projectPath } from '../../pipelines/paths';

/** `reports/bulletin.config.json`: what the bureau decides, not the data: numbers, dates, wording. */
export interface BulletinConfig {
  issuer: string;
  masthead: string;
  documentPrefix: string;
  addressees: string;
  /** Addressee line of a one-unit bulletin, by unit code. */
  unitAddressees: Record<string, string>;
  copyTo?: string;
  printedBy?: string;
  /** Document serial and issue date per period (`2023Q2`); `year` of the number if not the period's. */
  periods: Record<string, { serial: number; issuedOn: string; year?: number }>;
  /** 下步工作 paragraphs, per period or `default`. */
  nextSteps: Record<string, string[]>;
}

export const DEFAULT_CONFIG_PATH = projectPath('reports', 'bulletin.config.json');

export function readBulletinConfig(path = DEFAULT_CONFIG_PATH): BulletinConfig {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as BulletinConfig;
  for (const key of ['issuer', 'masthead', 'documentPrefix', 'addressees', 'periods', 'nextSteps'] as const) {
    if (parsed[key] === undefined) throw new Error(`${path}: missing "${key}"`);
  }
  parsed.unitAddressees ??= {};
  return parsed;
}

/** What one bulletin takes from the configuration. */
export interface IssueSettings {
  documentNumber: string;
  issuedOn: string;
}
