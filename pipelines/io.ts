/**
 * The effects a command may use, passed in so that tests run commands in-process and read what
 * they printed. Only `cli.ts` builds the real one from `process`.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** A terminal is attached to stderr and this is not CI: progress may redraw a line. */
  interactive: boolean;
}

export function processIo(): Io {
  const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY) && !ci,
  };
}

/** An Io that records output: for tests, and for commands that call other commands. */
export function bufferIo(overrides: Partial<Io> = {}): Io & { out: string[]; err: string[]; text(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: {},
    cwd: process.cwd(),
    interactive: false,
    ...overrides,
    out,
    err,
    text: () => out.join(''),
  };
}
