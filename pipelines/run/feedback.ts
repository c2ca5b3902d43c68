import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil';
import type { Io } from '../io';
import { xlsxMessages } from '../messages';
import type { ModelRequest } from '../../reports/model/read';
import type { BulletinModel } from '../../reports/model/types';
import { reportingUnits } from '../../reports/model/lookup';

/**
 * The units' feedback workbooks (`nrp feedback`, `nrp run --feedback`): one per reporting unit of
 * each period, from the unit's own bulletin model.
 */

/** A one-unit model request for every reporting unit of each city model's period, in display order. */
export function feedbackRequests(cityModels: readonly BulletinModel[]): ModelRequest[] {
  return cityModels.flatMap((m) => reportingUnits(m).map((u) => ({ period: m.period, unit: u.code })));
}

/** `out/feedback/2023Q2`: where `nrp run` puts a period's feedback workbooks. */
export function feedbackDir(outDir: string, period: string): string {
  return join(outDir, 'feedback', period);
}

/** Writes each unit model's workbook into `dir` (each atomically); returns the files. */
export async function writeFeedbackWorkbooks(unitModels: readonly BulletinModel[], dir: string, io: Io): Promise<string[]> {
  const { feedbackFileName, feedbackWorkbook } = await import('../../reports/xlsx');
  const files: string[] = [];
  for (const model of unitModels) {
    const file = join(dir, feedbackFileName(model));
    const bytes = await feedbackWorkbook(model);
    writeFileAtomic(file, bytes);
    io.stderr(xlsxMessages.wrote(file, bytes.length) + '\n');
    files.push(file);
  }
  return files;
}
