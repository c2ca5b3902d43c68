#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { closest } from './args';
import { COMMANDS } from './commands';
import { CliError, EXIT, isCliError } from './errors';
import { processIo, type Io } from './io';
import { cliMessages } from './messages';
import { projectPath } from './paths';

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `${cliMessages.usageHeader}\n${lines.join('\n')}\n${cliMessages.usageFooter}\n`;
}

/** Runs one command line; returns the exit code. Never throws, never exits: `main` does that. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(usage());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${JSON.parse(readFileSync(projectPath('package.json'), 'utf8')).version}\n`);
      return EXIT.ok;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      throw CliError.usage(cliMessages.unknownCommand(name, closest(name, COMMANDS.map((c) => c.name))), ['See: nrp --help']);
    }
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    return report(error, io);
  }
}

/** The one place that turns an error into text for the user. */
export function report(error: unknown, io: Io): number {
  if (isCliError(error)) {
    io.stderr(`nrp: ${error.message}\n`);
    for (const line of error.context) io.stderr(`  ${line}\n`);
    return error.exitCode;
  }
  // Not ours: still no stack trace for the user unless they ask for it.
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(`nrp: ${cliMessages.unexpected(detail)}\n`);
  if (process.env.NRP_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.failure;
}

if (require.main === module) {
  // A reader that stops early (`nrp query … | head`) closes the pipe: that is the reader's choice,
  // not an error, so stop quietly instead of dying on an unhandled EPIPE with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = report(error, processIo());
    },
  );
}
