import type { Content, TableCell } from 'pdfmake/interfaces';
import { chineseNumber, joinNames, timestamp } from '../format';
import { expectedTables, missingUnits } from '../model/lookup';
import type { BuildContext } from './context';
import { table } from './tables';

/**
 * 附件2: every submission the figures come from (mart_submission_status: the latest version of
 * each unit × table that arrived), and what was flagged when it was loaded.
 */
export function sources(ctx: BuildContext): Content[] {
  const { model } = ctx;
  const inScope = (code: string) => ctx.isCity || code === model.scope.code;
  const used = model.submissions.filter((s) => s.arrived && inScope(s.unit_code));
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
    table([62, 48, 26, '*', 150, 84, 32], [['单位', '报送表', '版本', '文件名', 'SHA-256', '载入时间', '行数']], body, { fontSize: 9 }),
    { text: `说明：同一单位同一报送表有多个版本时，取最新版本（版本号最大者）。各单位应报送${tables.join('、')}${chineseNumber(tables.length)}张表。`, style: 'tableNote' },
  ];
  const missing = missingUnits(model).filter((u) => inScope(u.code)).map((u) => u.name);
  if (missing.length) out.push({ text: `未按时报送的单位：${joinNames(missing)}。`, style: 'tableNote' });

  const warnings = used.flatMap((s) => s.warnings.map((w) => ({ s, w })));
  out.push({ text: '二、载入校验提示', style: 'h2', leadingIndent: 0, margin: [0, 10, 0, 0] } as Content);
  if (warnings.length === 0) {
    out.push({ text: '本期报送数据载入时未产生校验提示。', style: 'tableNote' });
  } else {
    out.push(
      table(
        [28, 62, 48, 26, '*'],
        [['序号', '单位', '报送表', '版本', '提示内容']],
        warnings.map(({ s, w }, i) => [String(i + 1), s.unit_name, s.table_name, String(s.version), { text: w.replace(/\n/g, ' / '), alignment: 'left' }]),
        { fontSize: 9 },
      ),
    );
  }
  return out;
}
