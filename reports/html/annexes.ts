import { percent, STATUS_LABEL, timestamp } from '../format';
import { indicatorsAnnexNote } from '../text/captions';
import { NO_WARNINGS, SOURCES_HEADINGS, sourcesAnnex } from '../text/sources';
import { rowFigures } from './cells';
import type { QuarterContext } from './context';
import { figure } from './figures';
import { el, text } from './markup';
import { cell, lightMark, statusCell, table, type Cell, type Column, type Row } from './tables';

/**
 * The annex of every indicator (附件1: the unit × indicator table of the city bulletin, or the
 * unit's own table beside the city's figure) and the annex of sources (the submissions the
 * figures come from, and the warnings raised when they were loaded: 附件3 where the key-task
 * list is 附件2), as the PDF's annexes have them; their numbers come from the outline.
 */

export function annexHead(ctx: QuarterContext, n: number, title: string): string {
  return el('p', { class: 'annex-label' }, text(`附件${n}`)) + el('h2', { class: 'annex-title', id: ctx.id(`annex-${n}`) }, text(title));
}

export function indicatorsAnnex(ctx: QuarterContext, no: number, title: string): string {
  const other = ctx.chart('matrix-other_indicators');
  return el(
    'section',
    { class: 'annex' },
    annexHead(ctx, no, title),
    ctx.isCity ? cityMatrix(ctx) : unitTable(ctx),
    el('p', { class: 'note' }, text(indicatorsAnnexNote(ctx.model))),
    ctx.notes(ctx.model.rows),
    other ? figure(ctx, other) : '',
  );
}

/** One row per indicator, one column per unit and aggregate: the figure, its completion, the light as the cell's tint and mark. */
function cityMatrix(ctx: QuarterContext): string {
  const { model } = ctx;
  const columns: Column[] = [{ label: '指标', left: true }, { label: `${model.city.name}目标` }, ...model.units.map((u) => ({ label: u.shortName }))];
  const rows: Row[] = model.indicators.map((ind) => {
    const city = ctx.row(model.city.code, ind.code);
    const cells: (Cell | string)[] = model.units.map((u) => {
      const r = ctx.row(u.code, ind.code);
      if (!r) return '';
      const base = { className: `u-${u.code} fill-${r.status}` };
      if (r.status === 'missing') return { ...base, html: text(STATUS_LABEL.missing) };
      const second = r.kind === 'cumulative' && r.completion_pct !== null ? `<br><span class="pct">${text(percent(r.completion_pct))}</span>` : '';
      const mark = r.status === 'red' || r.status === 'yellow' ? lightMark(r.status) : '';
      return { ...base, html: `${mark}${ctx.value(r, rowFigures(r).value)}${second}` };
    });
    return { cells: [cell(ind.name), city ? rowFigures(city).target : '—', ...cells] };
  });
  return table(columns, rows, { className: 'annex-matrix' });
}

/** The unit edition: every indicator of the unit, its rank among the units, and the city's figure beside it. */
function unitTable(ctx: QuarterContext): string {
  const { model } = ctx;
  const columns: Column[] = [
    { label: '指标', sort: 'text', left: true },
    { label: '年度目标' },
    { label: '累计完成（实际值）' },
    { label: '完成率', sort: 'num' },
    { label: '序时进度' },
    { label: `${model.city.name}排名`, sort: 'num' },
    { label: '亮灯', sort: 'num' },
    { label: model.city.name },
  ];
  const rows: Row[] = model.indicators.map((ind) => {
    const own = ctx.row(model.scope.code, ind.code);
    const city = ctx.row(model.city.code, ind.code);
    if (!own) return { cells: [cell(ind.name, ind.name), '—', '—', '—', '—', '—', '—', '—'] };
    const f = rowFigures(own);
    return {
      unit: own.unit_code,
      cells: [cell(ind.name, ind.name), f.target, { html: ctx.value(own, f.value) }, cell(f.pct, own.completion_pct), f.expected, cell(own.rank === null ? '—' : String(own.rank), own.rank), statusCell(own.status), city ? rowFigures(city).value : '—'],
    };
  });
  return table(columns, rows);
}

/** 数据来源及载入校验提示: what reports/text/sources.ts lists, as the PDF prints it, sortable. */
export function sourcesAnnexSection(ctx: QuarterContext, no: number, title: string, withKeyTasks: boolean): string {
  const annex = sourcesAnnex(ctx.model, withKeyTasks);
  const sources = table(
    [{ label: annex.withDivisions ? '报送单位' : '单位', sort: 'text', left: true }, { label: '报送表', sort: 'text' }, { label: '版本', sort: 'num' }, { label: '文件名', left: true }, { label: 'SHA-256', left: true }, { label: '载入时间', sort: 'text' }, { label: '行数', sort: 'num' }],
    annex.used.map((s) => ({
      unit: s.unit_code,
      cells: [cell(s.unit_name, s.unit_name), cell(s.table_name, s.table_name), cell(String(s.version), s.version), s.file_name ?? '', { html: el('code', {}, text(s.sha256 ?? '')), className: 'hash' }, cell(timestamp(s.loaded_at ?? ''), s.loaded_at), cell(String(s.row_count), s.row_count)],
    })),
  );
  const warningList = annex.warnings.length === 0
    ? el('p', { class: 'note' }, text(NO_WARNINGS))
    : table(
        [{ label: '序号', sort: 'num' }, { label: '单位', sort: 'text', left: true }, { label: '报送表' }, { label: '版本' }, { label: '提示内容', left: true }],
        annex.warnings.map(({ submission: s, warning }, i) => ({ unit: s.unit_code, cells: [cell(String(i + 1), i + 1), cell(s.unit_name, s.unit_name), s.table_name, String(s.version), warning] })),
      );
  return el(
    'section',
    { class: 'annex' },
    annexHead(ctx, no, title),
    el('h3', {}, text(SOURCES_HEADINGS.used)),
    sources,
    ...annex.notes.map((note) => el('p', { class: 'note' }, text(note))),
    el('h3', {}, text(SOURCES_HEADINGS.warnings)),
    warningList,
  );
}
