/**
 * Contract tests: the real build's marts against the tables the spec publishes. The spec
 * (docs/spec/*.md) is the source of truth, so the expected columns are parsed from its markdown,
 * never copied into the test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';
import type { Warehouse } from '../../pipelines/warehouse';
import { build, freshWarehouse, submitSummary } from './warehouse';

/** The rows of the first markdown table after the heading that contains `heading`. */
export function markdownTable(markdown: string, heading: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#+\s/.test(l) && l.includes(heading));
  if (start < 0) throw new Error(`no heading with ${heading}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#+\s/.test(line)) break;
    if (!line.trim().startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    rows.push(line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
  }
  const [header, separator, ...body] = rows;
  if (!header || !separator?.every((c) => /^:?-+:?$/.test(c))) throw new Error(`no table under ${heading}`);
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

export async function martColumns(wh: Warehouse, table: string): Promise<{ name: string; type: string }[]> {
  return wh.all<{ name: string; type: string }>(
    `select column_name as name, data_type as type from duckdb_columns()
      where schema_name = 'main' and table_name = ? order by column_index`, [table]);
}

let wh: Warehouse;
beforeAll(async () => {
  wh = await freshWarehouse();
  await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 42 }]);
  await build(wh);
}, 60_000);
afterAll(() => wh.close());

describe('mart_indicator_progress against docs/spec/kpis.md', () => {
  const spec = markdownTable(readFileSync(projectPath('docs/spec/kpis.md'), 'utf8'), '`mart_indicator_progress`');

  it('parses the contract table', () => {
    // A guard on the parser, not on the contract: the table has a column and a type per row.
    expect(spec.length).toBeGreaterThan(10);
    for (const row of spec) expect(row.column, JSON.stringify(row)).toMatch(/^[a-z_]+$/);
  });

  it('starts with exactly the contract columns, in its order, with its types; the rest only add layout columns', async () => {
    const actual = await martColumns(wh, 'mart_indicator_progress');
    expect(actual.slice(0, spec.length)).toEqual(spec.map((row) => ({ name: row.column, type: row.type })));
    // Columns after the contract's are the layout the outputs read (unit order, headings, …):
    // never a second copy of a contract column under another type.
    const extra = actual.slice(spec.length).map((c) => c.name);
    for (const name of extra) expect(spec.map((row) => row.column)).not.toContain(name);
  });
});

/**
 * The columns key-tasks.md lists for a mart in its "Marts" paragraph: the backticked names after
 * the mart's name, with "one count column per status_code" standing for the status table's codes.
 * `period` is the row key ("one row per period × …") where the list does not name it.
 */
function keyTaskSpecColumns(markdown: string, mart: string): string[] {
  const start = markdown.indexOf(`\`${mart}\`:`);
  if (start < 0) throw new Error(`${mart} is not in the spec`);
  const paragraph = markdown.slice(start + mart.length + 3).split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
  const statusCodes = markdownTable(markdown, 'Status of a milestone').map((r) => r.status_code);
  const names = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
  const [before, after] = paragraph.split('one count column per status_code');
  const columns = after === undefined ? names(before) : [...names(before), ...statusCodes, ...names(after)];
  return columns[0] === 'period' ? columns : ['period', ...columns];
}

describe('key-task marts against docs/spec/key-tasks.md', () => {
  const markdown = readFileSync(projectPath('docs/spec/key-tasks.md'), 'utf8');

  it('mart_key_task_progress starts with the spec\'s columns, in its order', async () => {
    const spec = keyTaskSpecColumns(markdown, 'mart_key_task_progress');
    expect(spec).toHaveLength(21);
    const actual = (await martColumns(wh, 'mart_key_task_progress')).map((c) => c.name);
    expect(actual.slice(0, spec.length)).toEqual(spec);
  });

  it('mart_key_task_summary has the spec\'s columns, one count per status, then display_order, tasks and light_severity', async () => {
    const spec = keyTaskSpecColumns(markdown, 'mart_key_task_summary');
    expect(spec).toContain('not_reported');
    const actual = await martColumns(wh, 'mart_key_task_summary');
    expect(actual.map((c) => c.name)).toEqual([...spec, 'display_order', 'tasks', 'light_severity']);
    const counts = ['milestones', 'tasks', 'due_count', 'done_count', ...markdownTable(markdown, 'Status of a milestone').map((r) => r.status_code)];
    for (const c of actual) if (counts.includes(c.name)) expect(c.type, c.name).toBe('INTEGER');
  });
});
