import type { Content, TableCell } from 'pdfmake/interfaces';
import { chineseNumber, joinNames, timestamp } from '../format';
import { divisionSubmissionsInScope, expectedTables, missingUnits, silentDivisions } from '../model/lookup';
import type { BuildContext } from './context';
import { table } from './tables';

/**
 * 数据来源及载入校验提示: every submission the figures come from (mart_submission_status: the
 * latest version of each unit × table that arrived, then of each division's 重点工作进展 whose
 * milestones the bulletin shows), and what was flagged when it was loaded.
 */
export function sources(ctx: BuildContext): Content[] {
  const { model } = ctx;
  const inScope = (code: string) => ctx.isCity || code === model.scope.code;
  const keyTasks = ctx.parts.includes('keyTasks');
  const divisions = keyTasks ? divisionSubmissionsInScope(model) : [];
  const used = [...model.submissions.filter((s) => s.arrived && inScope(s.unit_code)), ...divisions.filter((s) => s.arrived)];
  const body: TableCell[][] = used.map((s) => [
    { text: s.unit_name, alignment: 'left' },
    s.table_name,
    String(s.version),
    { text: s.file_name ?? '', alignment: 'left' },
    { text: `${(s.sha256 ?? '').slice(0, 32)}\n${(s.sha256 ?? '').slice(32)}`, alignment: 'left', fontSize: 7 },
    timestamp(s.loaded_at ?? ''),
    String(s.row_count),
  ]);
  const tables = expectedTables(model);
  const out: Content[] = [
    { text: '一、报送数据', style: 'h2', leadingIndent: 0 } as Content,
    // Wide enough for 重点工作进展 and a division's name (国土空间规划处) on one line.
    table([80, 60, 26, '*', 150, 84, 32], [[keyTasks ? '报送单位' : '单位', '报送表', '版本', '文件名', 'SHA-256', '载入时间', '行数']], body, { fontSize: 9 }),
    {
      text: `说明：同一单位同一报送表有多个版本时，取最新版本（版本号最大者）。各单位应报送${tables.join('、')}${chineseNumber(tables.length)}张表${divisions.length ? `；牵头重点工作的各处室应报送${divisions[0].table_name}` : ''}。`,
      style: 'tableNote',
    },
  ];
  const missing = missingUnits(model).filter((u) => inScope(u.code)).map((u) => u.name);
  if (missing.length) out.push({ text: `未按时报送的单位：${joinNames(missing)}。`, style: 'tableNote' });
  const silent = keyTasks ? silentDivisions(model) : [];
  if (silent.length && silent.length === divisions.length) out.push({ text: `各牵头处室均未报送本期${silent[0].table_name}。`, style: 'tableNote' });
  else if (silent.length) out.push({ text: `未按时报送${silent[0].table_name}的处室：${joinNames(silent.map((s) => s.unit_name))}。`, style: 'tableNote' });

  const warnings = used.flatMap((s) => s.warnings.map((w) => ({ s, w })));
  out.push({ text: '二、载入校验提示', style: 'h2', leadingIndent: 0, margin: [0, 10, 0, 0] } as Content);
  if (warnings.length === 0) {
    out.push({ text: '本期报送数据载入时未产生校验提示。', style: 'tableNote' });
  } else {
    out.push(
      table(
        [28, 80, 60, 26, '*'],
        [['序号', '单位', '报送表', '版本', '提示内容']],
        warnings.map(({ s, w }, i) => [String(i + 1), s.unit_name, s.table_name, String(s.version), { text: w.replace(/\n/g, ' / '), alignment: 'left' }]),
        { fontSize: 9 },
      ),
    );
  }
  return out;
}
