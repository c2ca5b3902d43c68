import { readFileSync } from 'node:fs';
import { projectPath } from '../../pipelines/paths';
import { packageFile } from '../charts/umd';

/**
 * The files the page inlines, read from the installed packages and from this folder: nothing is
 * fetched when the page opens, and nothing is copied into the repository. vega and vega-lite are
 * the versions the charts are drawn with in Node (package.json); vega-embed draws them in the
 * page with vega-interpreter's expression evaluator built in (no eval: the page's
 * Content-Security-Policy forbids it).
 */
export interface Script {
  name: string;
  source: string;
}

const LIBRARIES: [pkg: string, file: string][] = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
];

/** The page's own script, one file per job, run in this order (plain browser JavaScript, ES2017). */
const CLIENT = ['tables.js', 'charts.js', 'panel.js', 'app.js'];

let cache: { libraries: Script[]; client: Script; css: string } | undefined;

/** Read once per process (a run writes several pages). */
export function pageAssets(): { libraries: Script[]; client: Script; css: string } {
  cache ??= {
    libraries: LIBRARIES.map(([pkg, file]) => ({ name: `${pkg}/${file}`, source: stripSourceMap(readFileSync(packageFile(pkg, file), 'utf8')) })),
    client: { name: 'client', source: CLIENT.map((f) => readFileSync(projectPath('reports', 'html', 'client', f), 'utf8')).join('\n') },
    css: readFileSync(projectPath('reports', 'html', 'client', 'page.css'), 'utf8'),
  };
  return cache;
}

/** A `//# sourceMappingURL=` comment would make devtools ask for a file beside the page. */
function stripSourceMap(source: string): string {
  return source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}
