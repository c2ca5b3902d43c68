import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ProgressRow } from '../mart';
import { percent, quantity, STATUS_FILL, STATUS_LABEL, targetText } from '../format';
import { rowFor } from '../model/lookup';
import type { BuildContext } from './context';
import { keyTaskAnnex } from './key-task-annex';
import { sources } from './sources';
import { table } from './tables';
import { indicatorsAnnexNote } from '../text/captions';
import type { Annex } from '../text/outline';

/** The annexes (附件1 …), each from a new landscape page (a unit × indicator table is wide). */
export function appendix(ctx: BuildContext): Content[] {
  return ctx.annexes.flatMap((annex) => [
    { ...(annexHead(ctx.annexNo(annex), ctx.annexTitle(annex)) as object), pageBreak: 'before', pageOrientation: 'landscape' } as Content,
    ...annexBody(ctx, annex),
  ]);
}

function annexBody(ctx: BuildContext, annex: Annex): Content[] {
  switch (annex) {
    case 'indicators':
      return [
        ctx.isCity ? matrix(ctx) : unitTable(ctx),
        { text: indicatorsAnnexNote(ctx.model), style: 'tableNote' },
        ...ctx.notesFor(ctx.model.rows),
      ];
    case 'keyTasks':
      return keyTaskAnnex(ctx);
    case 'sources':
      return sources(ctx);
  }
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
  const { model } = ctx;
  const head: TableCell[][] = [['指标', `${ctx.cityName}目标`, ...model.units.map((u) => u.shortName)]];
  const body: TableCell[][] = model.indicators.map((ind) => {
    const city = rowFor(model, model.city.code, ind.code);
    return [
      { text: ind.name, alignment: 'left' },
      city ? targetText(city) : '—',
      ...model.units.map((u) => matrixCell(ctx, rowFor(model, u.code, ind.code))),
    ];
  });
  return table([104, 42, ...model.units.map(() => '*')], head, body, { fontSize: 7.5 });
}

function matrixCell(ctx: BuildContext, row: ProgressRow | undefined): TableCell {
  if (!row) return '';
  const fill = STATUS_FILL[row.status];
  if (row.status === 'missing') return { text: '未报送', fillColor: fill };
  const value = ctx.valueText(row, quantity(row.actual, row.unit_of_measure));
  const second = row.kind === 'cumulative' && row.completion_pct !== null ? percent(row.completion_pct) : '';
  return { stack: second ? [value, second] : [value], fillColor: fill, bold: row.status === 'red' };
}

/** The full table, unit edition: every indicator of the unit, with the city beside it. */
function unitTable(ctx: BuildContext): Content {
  const { model } = ctx;
  const body: TableCell[][] = model.indicators.map((ind) => {
    const own = rowFor(model, model.scope.code, ind.code);
    const city = rowFor(model, model.city.code, ind.code);
    if (!own) return [{ text: ind.name, alignment: 'left' }, '—', '—', '—', '—', '—', '—', '—'];
    return [
      { text: ind.name, alignment: 'left' },
      targetText(own),
      own.status === 'missing' ? '未报送' : ctx.valueText(own, quantity(own.actual, own.unit_of_measure)),
      own.kind === 'cumulative' ? percent(own.completion_pct) : '—',
      own.kind === 'cumulative' && own.expected_pct !== null ? percent(own.expected_pct) : '—',
      own.rank === null ? '—' : String(own.rank),
      { text: STATUS_LABEL[own.status] ?? own.status, fillColor: STATUS_FILL[own.status] },
      city ? quantity(city.actual, city.unit_of_measure) : '—',
    ];
  });
  return table(['*', 70, 80, 55, 55, 40, 45, 80], [['指标', '年度目标', '累计完成（实际值）', '完成率', '序时进度', `${ctx.cityName}排名`, '亮灯', ctx.cityName]], body, { fontSize: 9 });
}
