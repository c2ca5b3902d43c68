import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSql } from '../../pipelines/ingest/sql';
import { Warehouse } from '../../pipelines/warehouse';

// The value rules of submissions.md ("Values as people type them"), on the SQL macros that ingest
// applies to every landed cell.
let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open(':memory:');
  await wh.run(ingestSql('macros'));
});
afterAll(() => wh.close());

async function num(text: string | null, unit = '亩'): Promise<number | null> {
  return (await wh.one<{ v: number | null }>('select nrp_num(?::varchar, ?) as v', [text, unit]))!.v;
}
async function date(text: string | null): Promise<string | null> {
  return (await wh.one<{ v: string | null }>('select nrp_date(?::varchar) as v', [text]))!.v;
}
async function blank(text: string | null): Promise<boolean> {
  return (await wh.one<{ v: boolean }>('select nrp_blank(?::varchar) as v', [text]))!.v;
}

describe('numbers', () => {
  it.each([
    ['12.5', 12.5],
    ['  42 ', 42],
    ['１２３．５', 123.5],
    ['－５', -5],
    ['−3', -3],
    ['12,345.6', 12345.6],
    ['12，345', 12345],
    ['1,234,567', 1234567],
    ['1200亩', 1200],
    ['1200 亩', 1200],
    ['1.2万', 12000],
    ['1.2万亩', 12000],
    ['３万', 30000],
  ])('%s → %d', async (text, value) => {
    expect(await num(text)).toBeCloseTo(value, 9);
  });

  it('a percent sign in a percent column', async () => {
    expect(await num('95%', '%')).toBe(95);
    expect(await num('９５％', '%')).toBe(95);
  });

  it('a unit that is not the column\'s is not a number', async () => {
    expect(await num('95%', '亩')).toBeNull();
    expect(await num('1200平方米', '亩')).toBeNull();
    expect(await num('3.5万元', '万元')).toBe(3.5);
  });

  it.each(['abc', '1.2.3', 'inf', 'NaN', '12亩亩', '#N/A'])('%s is not a number', async (text) => {
    expect(await num(text)).toBeNull();
    expect(await blank(text)).toBe(false);
  });
});

describe('no value', () => {
  it.each([null, '', ' ', '-', '—', '/', '无', ' 无 ', '——', '－', '／'])('%j means no value, never zero', async (text) => {
    expect(await blank(text)).toBe(true);
    expect(await num(text)).toBeNull();
    expect(await date(text)).toBeNull();
  });
  it('zero is a value', async () => {
    expect(await blank('0')).toBe(false);
    expect(await num('0')).toBe(0);
  });
});

describe('dates', () => {
  it.each([
    ['2023-03-14', '2023-03-14'],
    ['2023-3-4', '2023-03-04'],
    ['2023/3/14', '2023-03-14'],
    ['2023.3.14', '2023-03-14'],
    ['2023年3月14日', '2023-03-14'],
    ['２０２３年３月１４日', '2023-03-14'],
    ['20230314', '2023-03-14'],
    ['45000', '2023-03-15'],
    ['45000.5', '2023-03-15'],
    ['2023-03-14 00:00:00', '2023-03-14'],
  ])('%s → %s', async (text, iso) => {
    expect(await date(text)).toBe(iso);
  });
  it.each(['2023-02-30', '2023/13/1', 'yesterday', '123', '99999999', '1899-01-01'])('%s is not a date', async (text) => {
    expect(await date(text)).toBeNull();
  });
});

describe('list values', () => {
  async function one(macro: string, text: string): Promise<unknown> {
    return (await wh.one<{ v: unknown }>(`select ${macro}(?::varchar) as v`, [text]))!.v;
  }
  it.each([['出让', '出让'], ['挂牌出让', '出让'], ['拍卖出让', '出让'], ['招标出让', '出让'], ['协议出让', '出让'], [' 划拨 ', '划拨']])(
    '供地方式 %s → %s', async (text, v) => expect(await one('nrp_supply_method', text)).toBe(v));
  it.each([['工业用地', '工业'], ['商服用地', '商服'], ['住宅', '住宅'], ['公共管理与公共服务用地', '公共管理与公共服务'], ['交通运输用地', '交通运输'], ['其他', '其他']])(
    '土地用途 %s → %s', async (text, v) => expect(await one('nrp_land_use', text)).toBe(v));
  it('values outside the lists map to null', async () => {
    expect(await one('nrp_supply_method', '租赁')).toBeNull();
    expect(await one('nrp_land_use', '农业')).toBeNull();
    expect(await one('nrp_yes_no', '可能')).toBeNull();
    expect(await one('nrp_judgement', '待定')).toBeNull();
  });
  it('是否存量 and 判定类型', async () => {
    expect(await one('nrp_yes_no', '是')).toBe(true);
    expect(await one('nrp_yes_no', ' 否')).toBe(false);
    expect(await one('nrp_judgement', '违法')).toBe('违法');
  });
});
