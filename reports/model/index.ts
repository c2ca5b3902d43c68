export type { BulletinModel, IndicatorInfo, MainTarget, Restatement, UnitInfo } from './types';
export { readBulletinModels, readPeriod, type ModelRequest } from './read';
export { assembleModel, findRestatements, type PeriodRows } from './assemble';
export { readBulletinConfig, issueSettings, DEFAULT_CONFIG_PATH, type BulletinConfig, type IssueSettings } from './config';
export { issuedValues, recordIssue, sameAsIssued } from './issues';
export * from './lookup';
