import { xlsxMessages } from '../../pipelines/messages';
import { periodMonthsLabel } from '../../pipelines/period';
import { chineseDate } from '../format';
import { restatementsAmong } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { COMPLETION_AND_GAP } from '../text/captions';
import { restatementNote } from '../text/phrases';
import type { ProgressRow } from '../mart';

/** What every sheet of a model's workbook shares: the line under the title. */
export function subtitleOf(model: BulletinModel): string {
  return xlsxMessages.subtitle(periodMonthsLabel(model.period), model.issue.documentNumber, chineseDate(model.issue.issuedOn));
}

/** Excel refuses sheet names with : \ / ? * [ ] or over 31 characters; the apostrophe would break print titles. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]']/g, '_').slice(0, 31);
}

/** The footnotes of the restated figures among `rows`, each once, in the rows' order, as every edition words them. */
export function restatementNotes(model: BulletinModel, rows: readonly ProgressRow[]): string[] {
  return restatementsAmong(model, rows).map(restatementNote);
}

/** The note on 完成率 and 差值 under a sheet of figures: the bulletin's sentence, and how percentages are written here. */
export function completionNote(): string {
  return `说明：${COMPLETION_AND_GAP}${xlsxMessages.note.percentUnit}`;
}
