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

  it('has exactly the contract columns, in its order, with its types', async () => {
    const actual = await martColumns(wh, 'mart_indicator_progress');
    expect(actual).toEqual(spec.map((row) => ({ name: row.column, type: row.type })));
  });
});
