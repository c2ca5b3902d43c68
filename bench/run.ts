import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../pipelines/fsutil';
import { projectPath } from '../pipelines/paths';

/**
 * `npm run bench`: runs every `bench/*.bench.ts` (compiled to dist/bench/*.bench.js), each of which
 * exports `run(): Promise<string>` returning its Markdown section, and writes BENCHMARKS.md.
 * `npm run bench -- NAME…` runs only the named benchmarks and keeps the other sections as they were.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = __dirname;
  const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort();
  const sectionsDir = projectPath('bench', 'results');
  for (const file of benches) {
    const name = file.replace(/\.bench\.js$/, '');
    if (only.length && !only.includes(name)) continue;
    process.stderr.write(`… bench ${name}\n`);
    const mod = require(join(dir, file)) as { run(): Promise<string> };
    const section = await mod.run();
    writeFileAtomic(join(sectionsDir, `${name}.md`), section.trim() + '\n');
    process.stderr.write(`✓ bench ${name}\n`);
  }
  const parts = existsSync(sectionsDir)
    ? readdirSync(sectionsDir).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(sectionsDir, f), 'utf8').trim())
    : [];
  const header = `# Benchmarks\n\nWritten by \`npm run bench\` (one section per \`bench/*.bench.ts\`, kept in \`bench/results/\`).\n` +
    `Machine: ${require('node:os').cpus().length} cores, Node ${process.version}. Ratios are against a baseline measured in the same run.\n`;
  writeFileAtomic(projectPath('BENCHMARKS.md'), [header, ...parts].join('\n\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
