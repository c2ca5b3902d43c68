import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../pipelines/io';
import { parsePeriod } from '../../pipelines/period';
import { DEFAULT_RUN_FORMATS, modelRequests, parseFormats } from '../../pipelines/run/formats';
import { runPipeline } from '../../pipelines/run/pipeline';
import { nrp, tempDir } from '../helpers';
import { sampleInbox, sampleWarehouse, sampleWarehouseCopy } from '../mart-warehouse';

/** `--format` of `nrp report` and `nrp run`: one list, parsed once, each format a renderer of the model. */
describe('the format list', () => {
  it('reads a comma list of known formats, each once, and refuses anything else as a usage error', () => {
    expect(parseFormats(undefined, ['pdf'])).toEqual(['pdf']);
    expect(parseFormats('html', ['pdf'])).toEqual(['html']);
    expect(parseFormats(' PDF, html ,pdf', ['pdf'])).toEqual(['pdf', 'html']);
    expect(DEFAULT_RUN_FORMATS).toEqual(['pdf', 'html', 'xlsx']);
    for (const bad of ['', 'docx', 'pdf,,docx', ',']) expect(() => parseFormats(bad, ['pdf']), bad).toThrow(/format/);
  });

  it('reads the year\'s earlier quarters (those configured) only for a format that shows them', () => {
    const q3 = parsePeriod('2023Q3')!;
    const codes = (formats: string[], configured = (_: string) => true) =>
      modelRequests([q3], undefined, formats, configured).map((r) => `${r.period.year}Q${r.period.quarter}`);
    expect(codes(['pdf'])).toEqual(['2023Q3']);
    expect(codes(['pdf', 'html'])).toEqual(['2023Q1', '2023Q2', '2023Q3']);
    expect(codes(['html'], (p) => p !== '2023Q1')).toEqual(['2023Q2', '2023Q3']);
  });
});

describe('nrp report --format', () => {
  const dir = tempDir('nrp-html-cli-');

  it('writes the HTML, or both, named as the PDF is', async () => {
    const db = await sampleWarehouse();
    const html = await nrp(['report', '--db', db, '--period', '2023Q2', '--format', 'html', '--out', join(dir, 'a')]);
    expect(html.code, html.stderr).toBe(0);
    expect(existsSync(join(dir, 'a', 'bulletin-2023Q2.html'))).toBe(true);
    expect(existsSync(join(dir, 'a', 'bulletin-2023Q2.pdf'))).toBe(false);
    const page = readFileSync(join(dir, 'a', 'bulletin-2023Q2.html'), 'utf8');
    expect(page).toContain('嘉自然资规通〔2023〕31号');
    expect(page).toContain('id="nrp-z-2023Q1"');

    const both = await nrp(['report', '--db', db, '--period', '2023Q2', '--unit', '海宁市', '--format', 'pdf,html', '--out', join(dir, 'b')]);
    expect(both.code, both.stderr).toBe(0);
    for (const ext of ['pdf', 'html']) expect(existsSync(join(dir, 'b', `bulletin-2023Q2-330481.${ext}`))).toBe(true);
    expect(both.stderr).toMatch(/wrote .*bulletin-2023Q2-330481\.pdf[\s\S]*wrote .*bulletin-2023Q2-330481\.html/);
  });

  it('refuses an unknown format with exit 2, in both languages', async () => {
    const bad = await nrp(['report', '--db', await sampleWarehouse(), '--period', '2023Q2', '--format', 'pdf,docx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法识别的输出格式');
    expect(bad.stderr).toContain('unknown format "pdf,docx"');
  });
});

describe('nrp run', () => {
  it('writes the PDF, the HTML and the workbook of each period by default, and says where', async () => {
    const dir = tempDir('nrp-html-run-');
    // The sample's own inbox: everything in it is loaded already (the broken files are refused again).
    const inbox = await sampleInbox();
    const io = bufferIo({ cwd: dir, env: {} });
    const summary = await runPipeline({ dbPath: await sampleWarehouseCopy(dir), inbox, outDir: join(dir, 'out'), periods: ['2023Q2'] }, io);
    const files = summary.outputs.flatMap((o) => o.files);
    expect(files).toEqual(['pdf', 'html', 'xlsx'].map((ext) => join(dir, 'out', `bulletin-2023Q2.${ext}`)));
    for (const f of files) expect(existsSync(f)).toBe(true);
    expect(summary.stages.map((s) => s.name.split(' / ')[0])).toEqual(expect.arrayContaining(['bulletin 2023Q2', 'html 2023Q2']));
  });
});
