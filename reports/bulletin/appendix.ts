import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportRow } from '../mart';
import { joinNames, percent, quantity, shortUnitName, STATUS_LABEL, timestamp } from '../format';
import { ANNEXES } from './closing';
import type { BuildContext } from './context';
import { CITY, indicatorsOf, missingUnits, rowFor, unitsOf } from './model';
import { EXPECTED_TABLES } from './problems';
import { STATUS_FILL } from './styles';
import { table } from './tables';
import { targetText } from './main-targets';

/** 附件1 and 附件2, each on landscape pages (a unit × indicator table is wide). */
export function appendix(ctx: BuildContext): Content[] {
  const [first, second] = ANNEXES(ctx);
  return [
    annexHead(1, first),
    ctx.isCity ? matrix(ctx) : unitTable(ctx),
    { text: '说明：各单位格内上为累计完成（比率类为实际值），下为完成率；底色浅红为红灯、浅黄为黄灯、灰色为未报送。全市、市本级按已报送成员单位汇总，不含未报送单位。', style: 'tableNote' },
    ...ctx.notesFor(ctx.input.rows),
    { ...(annexHead(2, second) as object), pageBreak: 'before', pageOrientation: 'landscape' } as Content,
    ...sources(ctx),
  ];
}

function annexHead(n: number, title: string): Content {
  return {
    stack: [
      { text: `附件${n}`, style: 'annexLabel' },
      { text: title, style: 'annexTitle' },
    ],
  };
}

/** The full table, city edition: one row per indicator, one column per unit (and the aggregates). */
function matrix(ctx: BuildContext): Content {
  const { rows } = ctx.input;
  const units = unitsOf(rows);
  const head: TableCell[][] = [['指标', '全市目标', ...units.map((u) => shortUnitName(u.code, u.name, u.kind))]];
  const body: TableCell[][] = indicatorsOf(rows).map((ind) => {
    const city = rowFor(rows, CITY, ind.indicator_code);
    return [
      { text: ind.indicator_name, alignment: 'left' },
      city ? targetText(city) : '—',
      ...units.map((u) => matrixCell(ctx, rowFor(rows, u.code, ind.indicator_code))),
    ];
  });
  return table([104, 42, ...units.map(() => '*')], head, body, { fontSize: 7.5 });
}

function matrixCell(ctx: BuildContext, row: ReportRow | undefined): TableCell {
  if (!row) return '';
  const fill = STATUS_FILL[row.status];
  if (row.status === 'missing') return { text: '未报送', fillColor: fill };
  const value = ctx.valueText(row, quantity(row.actual, row.unit_of_measure));
  const second = row.kind === 'cumulative' && row.completion_pct !== null ? percent(row.completion_pct) : '';
  return { stack: second ? [value, second] : [value], fillColor: fill, bold: row.status === 'red' };
}

/** The full table, unit edition: every indicator of the unit, with the city beside it. */
function unitTable(ctx: BuildContext): Content {
  const { rows, focus } = ctx.input;
  const body: TableCell[][] = indicatorsOf(rows).map((ind) => {
    const own = rowFor(rows, focus, ind.indicator_code);
    const city = rowFor(rows, CITY, ind.indicator_code);
    if (!own) return [{ text: ind.indicator_name, alignment: 'left' }, '—', '—', '—', '—', '—', '—', '—'];
    return [
      { text: ind.indicator_name, alignment: 'left' },
      targetText(own),
      own.status === 'missing' ? '未报送' : ctx.valueText(own, quantity(own.actual, own.unit_of_measure)),
      own.kind === 'cumulative' ? percent(own.completion_pct) : '—',
      own.kind === 'cumulative' && own.expected_pct !== null ? percent(own.expected_pct) : '—',
      own.rank === null ? '—' : String(own.rank),
      { text: STATUS_LABEL[own.status] ?? own.status, fillColor: STATUS_FILL[own.status] },
      city ? quantity(city.actual, city.unit_of_measure) : '—',
    ];
  });
  return table(['*', 70, 80, 55, 55, 40, 45, 80], [['指标', '年度目标', '累计完成（实际值）', '完成率', '序时进度', '全市排名', '亮灯', '全市']], body, { fontSize: 9 });
}

/** 附件2: every submission the figures come from, and what was flagged when it was loaded. */
function sources(ctx: BuildContext): Content[] {
  const { submissions, rows, focus } = ctx.input;
  const scope = ctx.isCity ? submissions : submissions.filter((s) => s.unit_code === focus);
  const body: TableCell[][] = scope.map((s) => [
    { text: s.unit_name, alignment: 'left' },
    s.table_name,
    String(s.version),
    { text: s.file_name, alignment: 'left' },
    { text: `${s.sha256.slice(0, 32)}\n${s.sha256.slice(32)}`, alignment: 'left', fontSize: 7 },
    timestamp(s.loaded_at),
    String(s.row_count),
  ]);
  const out: Content[] = [
    { text: '一、报送数据', style: 'h2', leadingIndent: 0 } as Content,
    table([62, 48, 26, '*', 150, 84, 32], [['单位', '报送表', '版本', '文件名', 'SHA-256', '载入时间', '行数']], body, { fontSize: 9 }),
    { text: `说明：同一单位同一报送表有多个版本时，取最新版本（版本号最大者）。各单位应报送${EXPECTED_TABLES.join('、')}三张表。`, style: 'tableNote' },
  ];
  const missing = missingUnits(rows).filter((u) => ctx.isCity || u.code === focus).map((u) => u.name);
  if (missing.length) out.push({ text: `未按时报送的单位：${joinNames(missing)}。`, style: 'tableNote' });

  const warnings = scope.flatMap((s) => s.warnings.map((w) => ({ s, w })));
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
