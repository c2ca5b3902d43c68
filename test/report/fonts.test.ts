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
