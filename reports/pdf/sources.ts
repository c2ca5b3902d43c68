import type { Content, TableCell } from 'pdfmake/interfaces';
import { timestamp } from '../format';
import { NO_WARNINGS, SOURCES_HEADINGS, sourcesAnnex } from '../text/sources';
import type { BuildContext } from './context';
import { table } from './tables';

/**
 * 数据来源及载入校验提示 in the PDF: what reports/text/sources.ts lists (the submissions the
 * figures come from, the notes under them, the warnings of their loads), laid out as tables.
 */
export function sources(ctx: BuildContext): Content[] {
  const annex = sourcesAnnex(ctx.model, ctx.has('keyTasks'));
  const body: TableCell[][] = annex.used.map((s) => [
    { text: s.unit_name, alignment: 'left' },
    s.table_name,
    String(s.version),
    { text: s.file_name ?? '', alignment: 'left' },
    { text: `${(s.sha256 ?? '').slice(0, 32)}\n${(s.sha256 ?? '').slice(32)}`, alignment: 'left', fontSize: 7 },
    timestamp(s.loaded_at ?? ''),
    String(s.row_count),
  ]);
  const out: Content[] = [
    { text: SOURCES_HEADINGS.used, style: 'h2', leadingIndent: 0 } as Content,
    // Wide enough for 重点工作进展 and a division's name (国土空间规划处) on one line.
    table([80, 60, 26, '*', 150, 84, 32], [[annex.withDivisions ? '报送单位' : '单位', '报送表', '版本', '文件名', 'SHA-256', '载入时间', '行数']], body, { fontSize: 9 }),
    ...annex.notes.map((text): Content => ({ text, style: 'tableNote' })),
    { text: SOURCES_HEADINGS.warnings, style: 'h2', leadingIndent: 0, margin: [0, 10, 0, 0] } as Content,
  ];
  if (annex.warnings.length === 0) {
    out.push({ text: NO_WARNINGS, style: 'tableNote' });
  } else {
    out.push(
      table(
        [28, 80, 60, 26, '*'],
        [['序号', '单位', '报送表', '版本', '提示内容']],
        annex.warnings.map(({ submission: s, warning }, i) => [String(i + 1), s.unit_name, s.table_name, String(s.version), { text: warning, alignment: 'left' }]),
        { fontSize: 9 },
      ),
    );
  }
  return out;
}
