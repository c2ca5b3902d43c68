import type { Io } from '../io';
import { lakeMessages } from '../messages/lake';
import { warehouseMessages, dictionaryMessages, runMessages, ingestMessages, modelMessages, queryMessages, sampleMessages, reportMessages, chartMessages, xlsxMessages } from '../messages';

/** What every command module exports. */
export interface CommandModule {
  run(argv: string[], io: Io): Promise<number>;
}

export interface CommandEntry {
  name: string;
  summary: string;
  /** Loaded only when the command runs, so that `nrp query` does not pay for vega or pdfmake. */
  load(): Promise<CommandModule>;
}

/** The commands, in the order `nrp --help` lists them (the analyst's day: run, then the parts). One line each. */
export const COMMANDS: CommandEntry[] = [
  { name: 'run', summary: runMessages.summary, load: () => import('./run') },
  { name: 'demo', summary: runMessages.demoSummary, load: () => import('./demo') },
  { name: 'validate', summary: ingestMessages.validateSummary, load: () => import('./validate') },
  { name: 'ingest', summary: ingestMessages.ingestSummary, load: () => import('./ingest') },
  { name: 'template', summary: ingestMessages.templateSummary, load: () => import('./template') },
  { name: 'submissions', summary: ingestMessages.submissionsSummary, load: () => import('./submissions') },
  { name: 'status', summary: ingestMessages.statusSummary, load: () => import('./status') },
  { name: 'build', summary: modelMessages.buildSummary, load: () => import('./build') },
  { name: 'charts', summary: chartMessages.summary, load: () => import('./charts') },
  { name: 'report', summary: reportMessages.summary, load: () => import('./report') },
  { name: 'feedback', summary: xlsxMessages.feedbackSummary, load: () => import('./feedback') },
  { name: 'query', summary: queryMessages.summary, load: () => import('./query') },
  { name: 'export', summary: lakeMessages.exportSummary, load: () => import('./export') },
  { name: 'tables', summary: dictionaryMessages.tablesSummary, load: () => import('./tables') },
  { name: 'describe', summary: dictionaryMessages.describeSummary, load: () => import('./describe') },
  { name: 'recover', summary: warehouseMessages.recoverSummary, load: () => import('./recover') },
  { name: 'sample', summary: sampleMessages.summary, load: () => import('./sample') },
];
