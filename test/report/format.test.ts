import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber, documentNumber, gapPhrase, percent, quantity, rank, rankChange, roundTo, signedPoints, targetQuantity, timestamp } from '../../reports/format';

describe('bulletin number formats', () => {
  it('writes areas of 10,000 亩 and more in 万亩 with two decimals, smaller ones unpadded', () => {
    expect(quantity(23112.4, '亩')).toBe('2.31万亩');
    expect(quantity(40000, '亩')).toBe('4.00万亩');
    expect(quantity(10000, '亩')).toBe('1.00万亩');
    expect(quantity(9999.5, '亩')).toBe('9999.5亩');
    expect(quantity(6000, '亩')).toBe('6000亩');
    expect(quantity(2310000, '平方米')).toBe('231.00万平方米');
    expect(quantity(264.91, '万平方米')).toBe('264.91万平方米');
    expect(quantity(12.345, '亿元')).toBe('12.35亿元');
    expect(quantity(3, '个')).toBe('3个');
    expect(quantity(null, '亩')).toBe('—');
  });

  it('writes percentages with one decimal, rounding half up (not binary toFixed)', () => {
    expect(percent(57.8)).toBe('57.8%');
    expect(percent(100)).toBe('100.0%');
    expect(percent(57.85)).toBe('57.9%');
    expect(percent(1.005 * 10)).toBe('10.1%');
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    // Large values keep their digits: the tolerance for binary noise is not a digit of its own.
    expect(roundTo(1234567.894, 2)).toBe(1234567.89);
    expect(roundTo(123456789.444, 2)).toBe(123456789.44);
    expect(roundTo(0.285, 2)).toBe(0.29);
    expect(quantity(90, '%')).toBe('90.0%');
    expect(targetQuantity(90, '%')).toBe('90%');
    expect(targetQuantity(1900000, '亩')).toBe('190万亩');
    expect(targetQuantity(13000, '亩')).toBe('1.3万亩');
    expect(targetQuantity(6000, '亩')).toBe('6000亩');
  });

  it('writes gaps in 个百分点, with the word for ahead or behind', () => {
    expect(gapPhrase(7.8)).toBe('超序时进度7.8个百分点');
    expect(gapPhrase(-4.24)).toBe('滞后序时进度4.2个百分点');
    expect(gapPhrase(0.04)).toBe('与序时进度持平');
    expect(gapPhrase(-0.04)).toBe('与序时进度持平');
    expect(gapPhrase(null)).toBe('');
    expect(signedPoints(7.84)).toBe('+7.8');
    expect(signedPoints(-0.04)).toBe('0.0');
    expect(signedPoints(-13.66)).toBe('-13.7');
  });

  it('writes ranks, dates, numbers and document numbers the official way', () => {
    expect(rank(3)).toBe('第3位');
    expect(rankChange(1, 3)).toBe('较上季度提升2位');
    expect(rankChange(4, 3)).toBe('较上季度下降1位');
    expect(chineseDate('2023-07-05')).toBe('2023年7月5日');
    expect(chineseNumber(1)).toBe('一');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(12)).toBe('十二');
    expect(documentNumber('嘉自然资规通', 2023, 31)).toBe('嘉自然资规通〔2023〕31号');
    expect(timestamp('2023-07-06T09:12:45.123')).toBe('2023-07-06 09:12:45');
  });
});
