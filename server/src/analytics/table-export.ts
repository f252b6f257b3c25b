import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { DashboardView } from '@honglin/shared';

/**
 * "查看数据表" as an .xlsx: the numbers under one chart (the series, then the children), exactly as
 * shown, '<5' included, with an AutoFilter on each header row so the sheet can be sorted at once.
 */
@Injectable()
export class TableExport {
  async workbook(view: DashboardView, metricKey: string): Promise<{ filename: string; body: Buffer }> {
    const m = view.metrics.find((x) => x.key === metricKey)!;
    const book = new ExcelJS.Workbook();
    const unit = m.unit === '%' ? '（%）' : `（${m.unit}）`;
    const trend = book.addWorksheet('趋势');
    trend.columns = [{ header: '时间', width: 14 }, { header: `${m.title}${unit}`, width: 20 }];
    for (const s of m.series) trend.addRow([s.bucket, s.value ?? '—']);
    trend.autoFilter = { from: 'A1', to: 'B1' };
    trend.getRow(1).font = { bold: true };
    trend.addRow([]);
    trend.addRow([`${view.node.name} ${view.from} 至 ${view.to}`]);
    trend.addRow([`口径：${m.definition}`]);
    const children = book.addWorksheet('下级');
    children.columns = [{ header: '下级组织', width: 24 }, { header: `${m.title}${unit}`, width: 20 }];
    for (const c of m.children) children.addRow([c.name, c.value ?? '—']);
    children.autoFilter = { from: 'A1', to: 'B1' };
    children.getRow(1).font = { bold: true };
    return { filename: `analytics-${m.key}-${view.from}-${view.to}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
