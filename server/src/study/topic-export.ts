import ExcelJS from 'exceljs';
import { formatChinaDateTime, type TopicReport } from '@honglin/shared';

/** The completion table of a topic as an .xlsx workbook (one sheet, a header row, one row per member). */
export async function topicReportWorkbook(report: TopicReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '红邻';
  const sheet = wb.addWorksheet('完成情况');
  sheet.addRow([`专题：${report.topic.title}`, `支部：${report.topic.branch.name}`, `截止：${formatChinaDateTime(report.topic.deadline)}`]);
  sheet.addRow(['姓名', '党小组', '已学内容', '应学内容', '答题正确', '答题总数', '正确率', '是否完成']);
  sheet.getRow(2).font = { bold: true };
  for (const r of report.members) {
    sheet.addRow([
      r.name,
      r.group ?? '',
      r.completedContents,
      r.totalContents,
      r.quizCorrect ?? '',
      r.quizTotal ?? '',
      r.quizTotal ? `${Math.round((100 * r.quizCorrect!) / r.quizTotal)}%` : '',
      r.finished ? '已完成' : '未完成',
    ]);
  }
  sheet.addRow([]);
  sheet.addRow(['完成人数', report.finishedCount, '未完成人数', report.notFinished.length, '平均正确率', report.averageQuizScore === null ? '' : `${report.averageQuizScore}%`]);
  sheet.columns.forEach((c) => (c.width = 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
