/**
 * Every sentence a user reads, in Chinese and English, lives under this folder: one file per
 * area so that the areas can grow apart, one import path (`messages`) for the code.
 */
export { bilingual } from './bilingual';
export { cliMessages } from './cli';
export { warehouseMessages } from './warehouse';
export { queryMessages } from './query';
export { dictionaryMessages } from './dictionary';
export { runMessages } from './run';
export { ingestMessages, cellMessages, fileMessages, type CellContext } from './ingest';
export { modelMessages } from './models';
export { sampleMessages } from './sample';
export { reportMessages } from './report';
export { chartMessages } from './charts';
export { limitMessages } from './limits';
export { xlsxMessages } from './xlsx';
export { htmlMessages } from './html';
