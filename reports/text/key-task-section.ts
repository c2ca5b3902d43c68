import { someoneReported } from '../charts/choose';
import type { KeyTaskProgressRow } from '../mart';
import { keyTaskCity, keyTaskDivision, keyTasksListed, keyTaskStatusName, milestonesWithStatus, silentDivisions } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import {
  allOnTrackSentence, annexPointer, countsSentence, LISTED_STATUSES, listLead, missingRowsSentence, noUnitTasksSentence,
  nothingReportedSentence, ratesSentence, silentDivisionsSentence, unitTasksSentence,
} from './key-tasks';

/**
 * What 重点工作推进情况 says and lists, for every edition (the PDF's section, the HTML's): the
 * opening paragraph, whether the city's table by section (and its chart) follows, and the list
 * of milestones behind with the sentence that introduces it. The editions lay these out as they
 * do and number their own tables and figures; the words, and the choices (one paragraph when
 * nothing was reported; a unit no task names; nothing behind), are made here once.
 */
export interface KeyTaskSection {
  /** The first paragraph, citing the section table and chart by the numbers the edition gives them (`refs`, when `bySection`). */
  opening(refs?: { table: number; figure?: number }): string;
  /** The city's table by section (and the status chart, where the edition prints it) follow the opening. */
  bySection: boolean;
  /** The milestones listed one by one, or null where the section gives no list. */
  list: KeyTaskList | null;
}

export interface KeyTaskList {
  /** Overdue, lagging and not reported, in the seed's status order; empty when nothing is behind. */
  milestones: KeyTaskProgressRow[];
  /** The sentence before the list (given the list's table number), or, with nothing behind, the all-on-track one. */
  sentence(table?: number): string;
  /** The list's caption title (without 表N). */
  title: string;
}

/**
 * The section of `model`'s bulletin; undefined in a year without key tasks. `annexNo` gives the
 * number of the key-task annex, asked only where the section points to it (a unit no task names
 * has no such annex).
 */
export function keyTaskSection(model: BulletinModel, annexNo: () => number): KeyTaskSection | undefined {
  const city = keyTaskCity(model);
  if (!city) return undefined;
  const name = (code: KeyTaskProgressRow['status_code']) => keyTaskStatusName(model, code);
  const pointer = () => annexPointer(annexNo());
  const reported = someoneReported(model);
  const quarter = model.period.quarter;
  const scopeName = model.scope.name;

  if (model.scope.isCity) {
    if (!reported) return { opening: () => `${nothingReportedSentence(city, city.tasks, quarter)}；${pointer()}。`, bySection: false, list: null };
    return {
      opening: (refs) => {
        const cited = refs ? `（见表${refs.table}${refs.figure ? `和图${refs.figure}` : ''}）` : '';
        return `${countsSentence(city, city.tasks, name)}。${ratesSentence(city, quarter)}${cited}。${reportingGaps(model)}`;
      },
      bySection: true,
      list: behind(model, city.scope_name, pointer, name),
    };
  }
  // A one-unit bulletin: the city's figures for context (its number of tasks is not known here:
  // the model holds the unit's tasks only), then the tasks that name the unit.
  const context = reported ? `${countsSentence(city, undefined, name)}。` : `${nothingReportedSentence(city, undefined, quarter)}。`;
  const tasks = keyTasksListed(model);
  if (tasks.length === 0) return { opening: () => `${context}${noUnitTasksSentence(scopeName, model.period.year)}。`, bySection: false, list: null };
  const lead = `${context}${unitTasksSentence(scopeName, tasks)}。`;
  // Nothing reported at all: the annex lists the unit's milestones, every one 未报送.
  if (!reported) return { opening: () => `${lead}${pointer()}。`, bySection: false, list: null };
  return { opening: () => lead, bySection: false, list: behind(model, `涉及${scopeName}的重点工作`, pointer, name) };
}

function behind(model: BulletinModel, scope: string, pointer: () => string, name: (code: KeyTaskProgressRow['status_code']) => string): KeyTaskList {
  const milestones = milestonesWithStatus(model, LISTED_STATUSES);
  const names = LISTED_STATUSES.filter((code) => milestones.some((m) => m.status_code === code)).map(name);
  return {
    milestones,
    sentence: (table) => (milestones.length === 0 || table === undefined ? `${allOnTrackSentence(scope)}；${pointer()}。` : `${listLead(names, table)}；${pointer()}。`),
    title: `${model.scope.isCity ? '' : `涉及${model.scope.name}的`}${names.join('、')}节点清单`,
  };
}

/** Divisions that sent nothing, and those whose file left milestones out (mart_submission_status, mart_key_task_summary). */
function reportingGaps(model: BulletinModel): string {
  const parts: string[] = [];
  const silent = silentDivisions(model);
  if (silent.length) {
    parts.push(silentDivisionsSentence(silent.map((s) => ({ name: s.unit_name, milestones: keyTaskDivision(model, s.unit_code)?.not_reported ?? 0 }))));
  }
  const leftOut = model.divisionSubmissions
    .filter((s) => s.arrived)
    .map((s) => ({ name: s.unit_name, count: keyTaskDivision(model, s.unit_code)?.not_reported ?? 0 }))
    .filter((d) => d.count > 0);
  if (leftOut.length) parts.push(missingRowsSentence(leftOut));
  return parts.map((p) => `${p}。`).join('');
}

/** The caption title of the city's table by section. */
export function sectionTableTitle(year: number): string {
  return `${year}年重点工作推进情况（分板块）`;
}

/** The title of the page's table by lead division (the PDF has the table by section only). */
export function divisionTableTitle(year: number): string {
  return `${year}年重点工作推进情况（分牵头处室）`;
}
