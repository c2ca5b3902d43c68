import type { Content } from 'pdfmake/interfaces';
import { periodLabel, periodMonthsLabel } from '../../pipelines/period';
import { joinNames } from '../format';
import { reportingUnits } from '../model/lookup';
import type { BuildContext } from './context';
import { MM, PAGE, RED } from './styles';

/** 版头: the issuing body in red, the document number, the red rule; then title, addressees, opening. */
export function masthead(ctx: BuildContext): Content[] {
  const { issue } = ctx.model;
  return [
    { text: issue.masthead, style: 'masthead', margin: [0, 8 * MM, 0, 0] },
    { text: issue.documentNumber, style: 'docNumber', margin: [0, 14 * MM, 0, 0] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE.typeWidth, y2: 0, lineWidth: 2, lineColor: RED }], margin: [0, 4 * MM, 0, 0] },
    { text: bulletinTitle(ctx), style: 'title', margin: [0, 12 * MM, 0, 8 * MM] },
    { text: issue.addressee ?? `${ctx.scopeName}自然资源和规划局：`, style: 'addressees' },
    { text: opening(ctx), style: 'body' },
  ];
}

export function bulletinTitle(ctx: BuildContext): string {
  // Broken by sense, not by width (GB/T 9704: 回行时要做到词意完整), before 主要目标任务.
  return `关于${periodLabel(ctx.model.period)}${ctx.scopeName}自然资源和规划\n主要目标任务进展情况的通报`;
}

function opening(ctx: BuildContext): string {
  const { period, issue } = ctx.model;
  const who = ctx.isCity ? (issue.coveredUnits ?? joinNames(reportingUnits(ctx.model).map((u) => u.name))) : ctx.scopeName;
  // With the key tasks (重点工作) the bulletin covers both halves of the work plan, and names both sources.
  const keyTasks = ctx.parts.includes('keyTasks');
  const what = keyTasks ? '主要目标任务完成情况和重点工作推进情况' : '主要目标任务完成情况';
  const from = keyTasks ? '各单位报送的指标进度表、供地台账、卫片图斑和各牵头处室报送的重点工作进展' : '各单位报送的指标进度表、供地台账和卫片图斑';
  return (
    `为全面掌握${period.year}年自然资源和规划主要目标任务推进情况，根据《${period.year}年嘉兴市自然资源和规划工作要点》，` +
    `市局对${who}${periodMonthsLabel(period)}${what}进行了汇总分析，数据均来自${from}。现将有关情况通报如下：`
  );
}
