import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { disableCjkShaping, FONT_FILES, isFontFile } from '../../reports/pdf/fonts';

const fontkit = createRequire(__filename)('fontkit') as { create(b: Buffer): { layout(s: string): { advanceWidth: number; glyphs: { id: number }[] } } };
const SAMPLES = [
  '关于2023年第二季度全市自然资源和规划主要目标任务进展情况的通报',
  '全市国有土地供应总量2.31万亩，完成年度目标的57.8%，超序时进度7.8个百分点',
  '嘉善县未按时报送，全市数据不含该县。（一）部分指标进度滞后：≥90.0%、≤1%',
  '— 12 —　嘉自然资规通〔2023〕31号　表3　图2　注1',
];

describe('bulletin fonts', () => {
  it('lays out the bulletin’s text the same with OpenType shaping off (same glyphs, same widths)', () => {
    const files = Object.values(FONT_FILES);
    const shaped = files.map((f) => {
      const font = fontkit.create(readFileSync(f));
      return SAMPLES.map((s) => font.layout(s)).map((r) => ({ width: r.advanceWidth, glyphs: r.glyphs.map((g) => g.id).join() }));
    });
    disableCjkShaping();
    const plain = files.map((f) => {
      const font = fontkit.create(readFileSync(f)) as unknown as { layout(s: string): { advanceWidth: number; glyphs: { id: number }[] }; _layoutEngine: { engine: unknown } };
      expect(font._layoutEngine.engine).toBeNull();
      return SAMPLES.map((s) => font.layout(s)).map((r) => ({ width: r.advanceWidth, glyphs: r.glyphs.map((g) => g.id).join() }));
    });
    expect(plain).toEqual(shaped);
  });

  it('lets pdfmake read only the four font files from npm', () => {
    for (const f of Object.values(FONT_FILES)) {
      expect(f).toMatch(/node_modules\/@expo-google-fonts\/noto-(sans|serif)-sc\//);
      expect(isFontFile(f)).toBe(true);
    }
    expect(isFontFile('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')).toBe(false);
    expect(isFontFile('Roboto-Regular.ttf')).toBe(false);
  });
});

describe('joining inlines', () => {
  it('joins touching inlines of the same style, and keeps justified, linked or restyled ones apart', async () => {
    const { joinInlines } = await import('../../reports/pdf/inlines');
    const font = {};
    const base = { font, fontSize: 16, color: null, link: null, linkToPage: null };
    const joined = joinInlines([
      { ...base, text: '全', x: 0, width: 16 },
      { ...base, text: '市', x: 16, width: 16 },
      { ...base, text: '2.31', x: 32, width: 30 },
      { ...base, text: '万', x: 70, width: 16, justifyShift: 8 },
      { ...base, text: '亩', x: 86, width: 16, color: 'red' },
      { ...base, text: '。', x: 102, width: 16, link: 'https://example.org' },
    ]);
    expect(joined.map((i) => [i.text, i.x, i.width])).toEqual([
      ['全市2.31', 0, 62],
      ['万', 70, 16],
      ['亩', 86, 16],
      ['。', 102, 16],
    ]);
  });
});
