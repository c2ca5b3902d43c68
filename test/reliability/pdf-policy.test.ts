import { describe, expect, it } from 'vitest';
import { FONTS } from '../../reports/pdf/styles';
import { renderPdf } from '../../reports/pdf/engine';

/** pdfmake may read the project's font files and nothing else: no URL, no other local file. */
describe('pdfmake resource policy', () => {
  it.each([
    ['an image URL', { content: [{ image: 'https://example.com/logo.png', width: 10 }] }],
    ['an image in the images dictionary', { images: { logo: 'https://example.com/logo.png' }, content: [{ image: 'logo', width: 10 }] }],
    ['a local file', { content: [{ image: '/etc/hostname', width: 10 }] }],
    ['a file URL', { content: [{ image: 'file:///etc/hostname', width: 10 }] }],
  ])('refuses %s', async (_what, doc) => {
    await expect(renderPdf(doc as never)).rejects.toThrow(/access policy/i);
  });

  it('still renders text with the bundled fonts', async () => {
    const pdf = await renderPdf({ content: ['嘉兴市自然资源和规划局'], defaultStyle: { font: FONTS.body } } as never);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
