import { readFileSync } from 'node:fs';
import { projectPath } from '../../pipelines/paths';
import { documentNumber } from '../format';

/** `reports/bulletin.config.json`: what the bureau decides, not the data: numbers, dates, wording. */
export interface BulletinConfig {
  issuer: string;
  masthead: string;
  documentPrefix: string;
  addressees: string;
  /** Addressee line of a one-unit bulletin, by unit code. */
  unitAddressees: Record<string, string>;
  /** Whom the city bulletin covers, as its opening names them; else the reporting units' names. */
  coveredUnits?: string;
  /** The work plan the opening cites, after the year: 《2023年嘉兴市自然资源和规划工作要点》; unnamed where absent. */
  workPlan?: string;
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

/** What one bulletin takes from the configuration, resolved for its period and scope. */
export interface IssueSettings {
  documentNumber: string;
  /** `2023-07-20`: the date the document carries (never the clock). */
  issuedOn: string;
  issuer: string;
  masthead: string;
  /** 主送 line; for a one-unit bulletin its own addressee, if configured. */
  addressee: string | undefined;
  coveredUnits: string | undefined;
  workPlan: string | undefined;
  copyTo: string | undefined;
  printedBy: string;
  nextSteps: string[];
}

/** The settings of the bulletin for `period` (`2023Q2`); undefined where the period is not configured. */
export function issueSettings(config: BulletinConfig, period: string, scope: { code: string; isCity: boolean }): IssueSettings | undefined {
  const settings = config.periods[period];
  if (!settings) return undefined;
  return {
    documentNumber: documentNumber(config.documentPrefix, settings.year ?? Number(period.slice(0, 4)), settings.serial),
    issuedOn: settings.issuedOn,
    issuer: config.issuer,
    masthead: config.masthead,
    addressee: scope.isCity ? config.addressees : config.unitAddressees[scope.code],
    coveredUnits: config.coveredUnits,
    workPlan: config.workPlan,
    copyTo: config.copyTo,
    printedBy: config.printedBy ?? config.issuer,
    nextSteps: config.nextSteps[period] ?? config.nextSteps.default ?? [],
  };
}
