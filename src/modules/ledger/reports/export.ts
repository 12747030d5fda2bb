/**
 * Saving and printing lists (Ctrl+S → PDF, XLSX or CSV; Ctrl+P → PDF): one table model, three files.
 * CSV: RFC 4180, comma-separated, decimal point, UTF-8 with BOM (so spreadsheet programs read accents).
 * XLSX: amounts as numbers with two decimals. PDF: A4, the header repeated on every page, totals last.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import { validation } from '../../../core/errors.ts';
import { formatCents } from '../money.ts';

export type ColumnKind = 'text' | 'money' | 'date' | 'number';
export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** relative width in the PDF */
  width?: number;
}
export type ReportValue = string | number | null;
export interface ReportTable {
  title: string;
  subtitle?: string;
  columns: ReportColumn[];
  rows: Array<Record<string, ReportValue>>;
  totals?: Record<string, ReportValue>;
}

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  contentType: string;
  extension: string;
  body: Buffer;
}

function cell(value: ReportValue, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'money' && typeof value === 'number') return formatCents(value);
  return String(value);
}

export function toCsv(table: ReportTable): Buffer {
  const records = [table.columns.map((c) => c.label), ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key], c.kind)))];
  if (table.totals) records.push(table.columns.map((c) => cell(table.totals![c.key] ?? null, c.kind)));
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify(records, { record_delimiter: 'windows' }))]);
}

export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Argonaut';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, '-'));
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  if (table.subtitle) sheet.addRow([table.subtitle]);
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  const value = (v: ReportValue, kind: ColumnKind) => (v === null || v === undefined ? null : kind === 'money' && typeof v === 'number' ? v / 100 : v);
  for (const r of table.rows) sheet.addRow(table.columns.map((c) => value(r[c.key], c.kind)));
  if (table.totals) sheet.addRow(table.columns.map((c) => value(table.totals![c.key] ?? null, c.kind))).font = { bold: true };
  table.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.kind === 'text' ? Math.max(12, (c.width ?? 2) * 10) : 14;
    if (c.kind === 'money') col.numFmt = '#,##0.00';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toPdf(table: ReportTable): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: table.columns.length > 6 ? 'landscape' : 'portrait', margin: 36, info: { Title: table.title, Producer: 'Argonaut' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const weights = table.columns.map((c) => c.width ?? (c.kind === 'text' ? 3 : 1.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / sum) * usable);
  const rowHeight = 13;
  const bottom = () => doc.page.height - doc.page.margins.bottom - rowHeight;

  const drawRow = (values: string[], bold = false) => {
    if (doc.y > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    table.columns.forEach((c, i) => {
      doc.text(values[i], x + 2, y, { width: widths[i] - 4, align: c.kind === 'money' || c.kind === 'number' ? 'right' : 'left', lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.y = y + rowHeight;
  };
  const drawHeader = () => {
    drawRow(table.columns.map((c) => c.label), true);
    doc.moveTo(left, doc.y - 2).lineTo(left + usable, doc.y - 2).lineWidth(0.5).stroke();
  };

  doc.font('Helvetica-Bold').fontSize(14).text(table.title, left, doc.y);
  if (table.subtitle) doc.font('Helvetica').fontSize(9).text(table.subtitle);
  doc.moveDown(0.8);
  drawHeader();
  for (const r of table.rows) drawRow(table.columns.map((c) => cell(r[c.key], c.kind)));
  if (table.totals) {
    doc.moveTo(left, doc.y).lineTo(left + usable, doc.y).lineWidth(0.5).stroke();
    doc.y += 2;
    drawRow(table.columns.map((c) => cell(table.totals![c.key] ?? null, c.kind)), true);
  }
  doc.end();
  return done;
}

export async function renderTable(table: ReportTable, format: Exclude<ReportFormat, 'json'>): Promise<ReportFile> {
  switch (format) {
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', extension: 'csv', body: toCsv(table) };
    case 'xlsx':
      return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', body: await toXlsx(table) };
    case 'pdf':
      return { contentType: 'application/pdf', extension: 'pdf', body: await toPdf(table) };
    default:
      throw validation('ledger.report_format_invalid', { format }, [{ field: 'format', code: 'ledger.report_format_invalid', params: { format } }]);
  }
}
