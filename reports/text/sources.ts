import { chineseNumber, joinNames } from '../format';
import type { SubmissionStatusRow } from '../mart';
import { divisionSubmissionsInScope, expectedTables, missingUnits, silentDivisions } from '../model/lookup';
import type { BulletinModel } from '../model/types';

/**
 * 数据来源及载入校验提示, as every edition prints it (the PDF's annex, the HTML's): the
 * submissions the figures come from (mart_submission_status: the latest version of each unit ×
 * table that arrived in scope, then each division's 重点工作进展 whose milestones the bulletin
 * shows), the notes under them, and what was flagged when they were loaded. One home, so that
 * the editions list the same files and say the same words.
 */
export interface SourcesAnnex {
  /** Whether divisions are listed too (the bulletin has its key-task part): the first column is then 报送单位. */
  withDivisions: boolean;
  used: SubmissionStatusRow[];
  /** 说明 …, 未按时报送的单位 …, the divisions that sent nothing: each a sentence with its full stop. */
  notes: string[];
  warnings: { submission: SubmissionStatusRow; warning: string }[];
}

export const SOURCES_HEADINGS = { used: '一、报送数据', warnings: '二、载入校验提示' } as const;
export const NO_WARNINGS = '本期报送数据载入时未产生校验提示。';

export function sourcesAnnex(model: BulletinModel, withKeyTasks: boolean): SourcesAnnex {
  const isCity = model.scope.isCity;
  const inScope = (code: string) => isCity || code === model.scope.code;
  const divisions = withKeyTasks ? divisionSubmissionsInScope(model) : [];
  const used = [...model.submissions.filter((s) => s.arrived && inScope(s.unit_code)), ...divisions.filter((s) => s.arrived)];
  const tables = expectedTables(model);
  const notes = [
    `说明：同一单位同一报送表有多个版本时，取最新版本（版本号最大者）。各单位应报送${tables.join('、')}${chineseNumber(tables.length)}张表${divisions.length ? `；牵头重点工作的各处室应报送${divisions[0].table_name}` : ''}。`,
  ];
  const missing = missingUnits(model).filter((u) => inScope(u.code)).map((u) => u.name);
  if (missing.length) notes.push(`未按时报送的单位：${joinNames(missing)}。`);
  const silent = withKeyTasks ? silentDivisions(model) : [];
  if (silent.length && silent.length === divisions.length) notes.push(`各牵头处室均未报送本期${silent[0].table_name}。`);
  else if (silent.length) notes.push(`未按时报送${silent[0].table_name}的处室：${joinNames(silent.map((s) => s.unit_name))}。`);
  const warnings = used.flatMap((submission) => submission.warnings.map((w) => ({ submission, warning: w.replace(/\n/g, ' / ') })));
  return { withDivisions: divisions.length > 0, used, notes, warnings };
}
