import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ingestFiles, validateFiles, type IngestReport } from '../../pipelines/ingest';
import { openForWrite, type Warehouse } from '../../pipelines/warehouse';

/** Submission files written by the tests, as units type them (submissions.md). */
export const LAND_HEADER = ['地块编号', '项目名称', '供地方式', '土地用途', '供地面积（亩）', '是否存量', '成交价款（万元）', '供地日期',
  '约定开工日期', '约定竣工日期', '实际开工日期', '实际竣工日期', '延期开工日期', '延期竣工日期'];
export const PATCH_HEADER = ['图斑编号', '监测批次', '新增建设占用耕地面积（亩）', '违法占用耕地面积（亩）', '判定类型', '整改状态'];
export const PROGRESS_HEADER = ['指标代码', '指标名称', '累计完成', '分子', '分母', '备注'];

export type Cell = string | number | Date | null | boolean | Record<string, unknown>;

export const KT_HEADER = ['任务编号', '节点序号', '节点名称', '进展状态', '完成日期', '形象进度（%）', '进展情况', '存在问题', '下步举措'];

/** A row of a progress report; `over` replaces cells by header. */
export function ktRow(task: string, no: number | string, over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    任务编号: task, 节点序号: no, 节点名称: `节点${no}`, 进展状态: '推进中', 完成日期: null, '形象进度（%）': 50, 进展情况: '正在推进', 存在问题: null, 下步举措: null,
  };
  return KT_HEADER.map((h) => (h in over ? over[h]! : base[h]));
}


/** A valid 供地台账 row; `over` replaces cells by header. */
export function landRow(id: string, over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    地块编号: id, 项目名称: `项目${id}`, 供地方式: '出让', 土地用途: '工业', '供地面积（亩）': 10, 是否存量: '否', '成交价款（万元）': 500,
    供地日期: '2023-02-01', 约定开工日期: '2023-05-01', 约定竣工日期: '2024-05-01', 实际开工日期: null, 实际竣工日期: null,
    延期开工日期: null, 延期竣工日期: null,
  };
  return LAND_HEADER.map((h) => (h in over ? over[h]! : base[h]));
}

export function patchRow(id: string, over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = { 图斑编号: id, 监测批次: '2023Q1', '新增建设占用耕地面积（亩）': 10, '违法占用耕地面积（亩）': 0, 判定类型: '合法', 整改状态: null };
  return PATCH_HEADER.map((h) => (h in over ? over[h]! : base[h]));
}

export interface WorkbookSpec {
  info?: { unit?: string; period?: string } | null;
  sheets: Record<string, Cell[][]>;
  /** Title rows above each table's header. */
  titleRows?: number;
}

export async function writeWorkbook(path: string, spec: WorkbookSpec): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (spec.info !== null && spec.info !== undefined) {
    const info = wb.addWorksheet('填报信息');
    if (spec.info.unit !== undefined) info.addRow(['填报单位', spec.info.unit]);
    if (spec.info.period !== undefined) info.addRow(['报告期', spec.info.period]);
  }
  for (const [name, rows] of Object.entries(spec.sheets)) {
    const ws = wb.addWorksheet(name);
    for (let i = 0; i < (spec.titleRows ?? 0); i++) ws.addRow([`${name} 标题 ${i + 1}`]);
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  }
  await wb.xlsx.writeFile(path);
  return path;
}

/** CSV text (RFC 4180), `encoding` utf-8, utf-8 with BOM, or GBK bytes via iconv-lite. */
export function writeCsv(path: string, rows: (string | number | null)[][], encoding: 'utf8' | 'bom' | 'gbk' = 'utf8'): string {
  const text = rows.map((r) => r.map((v) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') writeFileSync(path, require('iconv-lite').encode(text, 'gbk'));
  else writeFileSync(path, (encoding === 'bom' ? '\ufeff' : '') + text, 'utf8');
  return path;
}

export async function newWarehouse(dir: string, name = 'wh.duckdb'): Promise<Warehouse> {
  return openForWrite(join(dir, name));
}

export async function ingestOne(wh: Warehouse, path: string): Promise<IngestReport['files'][number]> {
  return (await ingestFiles(wh, [path])).files[0];
}

export async function validateOne(path: string): Promise<IngestReport['files'][number]> {
  return (await validateFiles([path])).files[0];
}

export async function counts(wh: Warehouse): Promise<Record<string, number>> {
  const row = await wh.one<Record<string, number>>(
    `select (select count(*) from submissions) as submissions, (select count(*) from raw_indicator_progress) as progress,
            (select count(*) from raw_land_supply) as land, (select count(*) from raw_patches) as patches`,
  );
  return row!;
}
