/**
 * The generated attachment corpus: each case is a file written by a real writer library from labelled
 * text, with what the scanner must report — kind, severity and where — or that it must stay quiet,
 * or that it cannot be read.
 */
import iconv from 'iconv-lite';
import type { AttachmentResult } from '../../lib/attachments/types';
import type { Kind, Severity } from '../../lib/scan/types';
import { IDS, masked, ORG_CODES } from './labelled';
import { docx, encryptOffice, legacy, pdf, xlsx } from './writers';

export interface Expected {
  kind: Kind;
  severity: Severity;
  /** Substring of location.text. */
  where: string;
  /** Fields location must have. */
  location?: Record<string, unknown>;
}

export interface Case {
  name: string;
  bytes: () => Promise<Uint8Array>;
  /** Each must be found (warn/block findings beyond these fail the case too). */
  expect?: Expected[];
  status?: AttachmentResult['status'];
}

const [A, B, C, D] = IDS as [string, string, string, string];

const dibaoSheets = async () =>
  xlsx(
    [
      { name: '低保名单', rows: [['序号', '姓名', '身份证号', '保障金额'], [1, '王秀兰', masked(A), 420], [2, '李建国', masked(B), 380]] },
      { name: '原始', state: 'hidden', rows: [['序号', '姓名', '身份证号'], [1, '王秀兰', A], [2, '李建国', B]] },
    ],
    { title: '2024年第三季度城乡低保名单', creator: '民政局' },
  );

export const CASES: Case[] = [
  {
    name: '低保名单-隐藏工作表.xlsx',
    bytes: dibaoSheets,
    expect: [
      { kind: 'cn-id', severity: 'block', where: '隐藏工作表「原始」C2', location: { sheet: '原始', cell: 'C2', hidden: 'sheet', columnHeader: '身份证号' } },
      { kind: 'cn-id', severity: 'block', where: '隐藏工作表「原始」C3' },
    ],
  },
  {
    name: '临时救助-隐藏列.xlsx',
    bytes: () =>
      xlsx([{ name: '救助名单', rows: [['姓名', '村组', '身份证号', '金额'], ['张永福', '和平村', C, 1000]], hiddenColumns: [3], header: '临时救助发放明细' }]),
    expect: [{ kind: 'cn-id', severity: 'block', where: '工作表「救助名单」C2（隐藏列）', location: { hidden: 'column', cell: 'C2' } }],
  },
  {
    name: '高龄补贴-批注.xlsx',
    bytes: () => xlsx([{ name: '补贴', rows: [['姓名', '年龄'], ['赵德明', 86]], notes: { A2: `身份证号 ${D}` } }]),
    expect: [{ kind: 'cn-id', severity: 'block', where: '工作表「补贴」A2 的批注', location: { part: 'comment' } }],
  },
  {
    name: '名单-数值身份证.xlsx',
    bytes: () => xlsx([{ name: 'Sheet1', rows: [['姓名', '身份证号'], ['马春花', Number(B)]] }]),
    expect: [{ kind: 'cn-id', severity: 'warn', where: '工作表「Sheet1」B2' }],
  },
  {
    name: '页眉密级.xlsx',
    bytes: () => xlsx([{ name: '统计', rows: [['项目', '数量'], ['A', 1]], header: '机密★1年' }]),
    expect: [{ kind: 'classification', severity: 'block', where: '工作表「统计」页眉', location: { part: 'header' } }],
  },
  {
    name: '财政预算-干净.xlsx',
    bytes: () =>
      xlsx([
        {
          name: '2024年预算',
          rows: [
            ['单位', '统一社会信用代码', '预算金额（元）', '上年决算（元）'],
            ['平罗县财政局', ORG_CODES[0]!, 123456789012.5, 98765432109],
            ['平罗县民政局', ORG_CODES[1]!, 650000000, 640221198503],
            ['平罗县教育局', ORG_CODES[2]!, 2024000012345678, 1234567890123],
          ],
        },
      ]),
    expect: [],
  },
  {
    name: '拟录用人员公示-页眉.docx',
    bytes: () => docx({ paragraphs: ['拟录用人员公示', '经考试、考察，拟录用以下人员。'], header: `联系人身份证号：${A}` }),
    expect: [{ kind: 'cn-id', severity: 'block', where: '页眉', location: { part: 'header' } }],
  },
  {
    name: '公示表格.docx',
    bytes: () =>
      docx({
        paragraphs: ['2024年公益性岗位人员公示'],
        table: [
          ['序号', '姓名', '身份证号'],
          ['1', '杨海燕', C],
        ],
        comment: `核对：${D}`,
        creator: '人社局',
      }),
    expect: [
      { kind: 'cn-id', severity: 'block', where: '表格 1 第 2 行第 3 列「身份证号」', location: { table: 1, row: 2, column: 3 } },
      { kind: 'cn-id', severity: 'block', where: '批注 1', location: { part: 'comment' } },
    ],
  },
  {
    name: '通知-办公电话.docx',
    bytes: () =>
      docx({
        paragraphs: ['关于开展2024年度政务公开工作检查的通知', '各乡镇、各部门：', '联系人：王主任，办公电话：0952-6012345，传真：0952-6012346。', '监督电话：0952-12345678（转 8001）'],
        footer: '平罗县人民政府办公室 2024年3月1日',
      }),
    expect: [],
  },
  {
    name: '名单-跨行身份证.pdf',
    bytes: () =>
      pdf([
        [
          { text: '2024年临时救助对象名单', x: 200, y: 60, size: 14 },
          { text: '姓名', x: 80, y: 100 },
          { text: '身份证号', x: 200, y: 100 },
          { text: '金额', x: 360, y: 100 },
          { text: '王秀兰', x: 80, y: 130 },
          { text: A.slice(0, 10), x: 200, y: 130 },
          { text: A.slice(10), x: 200, y: 143 },
          { text: '1000元', x: 360, y: 130 },
        ],
        [{ text: `李建国 ${B}`, x: 80, y: 100 }],
      ]),
    expect: [
      { kind: 'cn-id', severity: 'block', where: '第 1 页', location: { page: 1 } },
      { kind: 'cn-id', severity: 'block', where: '第 2 页', location: { page: 2 } },
    ],
  },
  {
    name: '通知-干净.pdf',
    bytes: () =>
      pdf([
        [
          { text: '关于做好春季防火工作的通知', x: 150, y: 60, size: 14 },
          { text: '咨询电话：0952-6012345', x: 80, y: 100 },
          { text: '预算金额 123456789012.50 元', x: 80, y: 120 },
          { text: ORG_CODES[0]!, x: 80, y: 140 },
        ],
      ]),
    expect: [],
  },
  {
    name: '名单-UTF8-BOM.csv',
    bytes: () => text(`\uFEFF姓名,身份证号\n王秀兰,${A}\n`),
    expect: [{ kind: 'cn-id', severity: 'block', where: '单元格 B2', location: { cell: 'B2', columnHeader: '身份证号' } }],
  },
  {
    name: '名单-GBK.csv',
    bytes: () => Promise.resolve(gbk(`姓名,身份证号,备注\r\n李建国,${B},"低保,一类"\r\n`)),
    expect: [{ kind: 'cn-id', severity: 'block', where: '单元格 B2' }],
  },
  {
    name: '名单-科学计数.csv',
    bytes: () => text(`姓名,身份证号\n王秀兰,1.10105E+17\n`),
    expect: [{ kind: 'cn-id', severity: 'warn', where: '单元格 B2' }],
  },
  {
    name: '说明.txt',
    bytes: () => Promise.resolve(gbk(`第一行\r\n申请人身份证号：${C}\r\n`)),
    expect: [{ kind: 'cn-id', severity: 'block', where: '第 2 行' }],
  },
  {
    name: '低保名单.xls',
    bytes: async () => legacy(await dibaoSheets(), 'xlsx'),
    expect: [
      { kind: 'cn-id', severity: 'block', where: '隐藏工作表「原始」C2' },
      { kind: 'cn-id', severity: 'block', where: '隐藏工作表「原始」C3' },
    ],
  },
  {
    name: '低保名单.et',
    bytes: async () => legacy(await dibaoSheets(), 'xlsx'),
    expect: [
      { kind: 'cn-id', severity: 'block', where: '隐藏工作表「原始」C2' },
      { kind: 'cn-id', severity: 'block', where: '隐藏工作表「原始」C3' },
    ],
  },
  {
    name: '拟录用人员公示.doc',
    bytes: async () => legacy(await docx({ paragraphs: ['拟录用人员公示', `申请人 王秀兰 身份证号 ${A}`], header: `身份证号：${B}` }), 'docx'),
    expect: [
      { kind: 'cn-id', severity: 'block', where: '正文第 2 段' },
      { kind: 'cn-id', severity: 'block', where: '页眉' },
    ],
  },
  {
    name: '拟录用人员公示.wps',
    bytes: async () => legacy(await docx({ paragraphs: ['公示', `身份证号 ${C}`] }), 'docx'),
    expect: [{ kind: 'cn-id', severity: 'block', where: '正文第 2 段' }],
  },
  { name: '加密名单.xlsx', bytes: async () => encryptOffice(await dibaoSheets(), 'secret'), status: 'unreadable' },
  { name: '加密公示.docx', bytes: async () => encryptOffice(await docx({ paragraphs: [A] }), 'secret'), status: 'unreadable' },
  { name: '加密名单.pdf', bytes: () => pdf([[{ text: A, x: 80, y: 100 }]], { userPassword: 'secret' }), status: 'unreadable' },
  { name: '损坏名单.xlsx', bytes: async () => (await dibaoSheets()).slice(0, 2000), status: 'unreadable' },
  { name: '损坏公示.pdf', bytes: () => text('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), status: 'unreadable' },
  { name: '损坏公示.docx', bytes: () => text('not a zip at all'), status: 'unreadable' },
  { name: 'WPS专有格式.et', bytes: () => text('ET kingsoft private format'), status: 'unsupported' },
];

/** UTF-8 bytes. */
function text(s: string): Promise<Uint8Array> {
  return Promise.resolve(new TextEncoder().encode(s));
}

/** GBK bytes, as Excel and WPS on Chinese Windows save CSV and text files. */
function gbk(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gbk'));
}
