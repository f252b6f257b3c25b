// Writes the demo's sample rosters (fictional people): `node docs/samples/make-sample-roster.mjs`.
// 民政低保名单-示例.xlsx — import it as 周敏 (grid_worker) into the source 民政低保名单:
//   我的 → 网格工作 → 名单导入 → 民政低保名单 → 上传名单.
// 网格员摸排表-示例.csv — the same kind of list as Chinese Excel exports CSV (GBK), for 网格员摸排表.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { idCheckChar } from '@honglin/shared';

const here = dirname(fileURLToPath(import.meta.url));
const SUR = '欧阳司马上官诸葛东方慕容';
const GIVEN = ['淑华', '桂兰', '振国', '玉珍', '建军', '秀云', '德胜', '凤英', '志刚', '丽萍', '国庆', '春梅'];
const id = (birth, seq) => {
  const body = `110105${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
};
const people = [];
for (let i = 0; i < 24; i++) {
  const y = 1932 + ((i * 7) % 60);
  const birth = `${y}-${String(1 + (i % 12)).padStart(2, '0')}-${String(3 + ((i * 5) % 25)).padStart(2, '0')}`;
  people.push({ name: SUR.slice((i % 6) * 2, (i % 6) * 2 + 2) + GIVEN[i % GIVEN.length], id: id(birth, 200 + i * 2 + (i % 2)), birth, phone: `1390${String(1000000 + i * 7919).slice(-7)}`, building: `${1 + (i % 4)}号楼`, unit: String(1 + (i % 2)), room: String(501 + (i % 3) + 100 * (i % 2)) });
}
const rows = people.map((p, i) => {
  // The forms a real office list takes: full-width digits, lowercase x, dashes in phones, Excel dates.
  const idCell = i === 3 ? p.id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : i === 5 ? p.id.toLowerCase() : p.id;
  const phone = i % 4 === 1 ? `${p.phone.slice(0, 3)}-${p.phone.slice(3, 7)}-${p.phone.slice(7)}` : p.phone;
  return [i + 1, p.name, idCell, new Date(`${p.birth}T00:00:00Z`), phone, p.building, p.unit, p.room, i % 3 === 0 ? '户主' : '配偶', i % 5 === 0 ? '低保、残疾' : '低保'];
});
// Rows a preview must point out: an ID number Excel turned into a number, a wrong check digit, a repeated row, no name.
rows.push([25, '司马学文', 110105195803051200, '1958.3.5', '13900002525', '2号楼', '1', '701', '户主', '低保']);
rows.push([26, '上官明月', '110105196001010011', '1960年1月1日', '13900002626', '2号楼', '1', '702', '户主', '低保']);
rows.push([27, ...rows[0].slice(1)]);
rows.push([28, '', people[1].id, null, '13900002828', '3号楼', '1', '703', '户主', '低保']);

const HEAD = ['序号', '姓名', '身份证号', '出生日期', '联系电话', '楼栋', '单元', '门牌号', '与户主关系', '人员类别'];
const wb = new ExcelJS.Workbook();
wb.addWorksheet('填表说明').addRows([['本表为红邻演示用的示例名单，人物、身份证号和电话均为虚构。'], ['导入时请选择工作表“低保人员”。']]);
const ws = wb.addWorksheet('低保人员');
ws.addRow(['幸福社区低保人员名单（示例，人物均为虚构）']);
ws.mergeCells(1, 1, 1, HEAD.length);
ws.addRow(HEAD);
rows.slice(0, 12).forEach((r) => ws.addRow(r));
ws.addRow([]);
rows.slice(12).forEach((r) => ws.addRow(r));
ws.getColumn(4).numFmt = 'yyyy-mm-dd';
await wb.xlsx.writeFile(join(here, '民政低保名单-示例.xlsx'));

const csvRows = [['姓名', '出生日期', '联系电话', '住址', '人员类别'], ...people.slice(0, 10).map((p) => [p.name, p.birth.replace(/-/g, '.'), p.phone, `${p.building}${p.unit}单元${p.room}室`, '独居'])];
csvRows.push(['诸葛新来', '1949.10.1', '13900003030', '4号楼2单元808室', '空巢']);
await writeFile(join(here, '网格员摸排表-示例.csv'), iconv.encode(csvRows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk'));
console.log('wrote 民政低保名单-示例.xlsx and 网格员摸排表-示例.csv');
