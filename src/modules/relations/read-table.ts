/**
 * Reads an import file into a header row and data rows: CSV (";" "," or tab separated, UTF-8 or
 * Windows-1252, optional BOM) or Excel .xlsx (first worksheet). Anything else is refused with a
 * message that says what to do. Row numbers are the ones the user sees in Excel or a text editor.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { validation } from '../../core/errors.ts';
import './messages.ts';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: string;
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export const MAX_IMPORT_ROWS = 50_000;
const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv', '']);

const refuse = (code: string, fileName: string, extra: Record<string, unknown> = {}) =>
  validation(code, { fileName, ...extra }, [{ field: 'file', code, params: { fileName, ...extra } }]);

export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = content.subarray(0, 8);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(fileName, content);
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) throw refuse('relation.import.old_excel', fileName);
  if (!TEXT_EXTENSIONS.has(ext) || content.subarray(0, 8192).includes(0)) throw refuse('relation.import.file_type', fileName);
  return readCsv(fileName, content);
}

function decode(content: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(content), encoding: 'windows-1252' };
  }
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes. */
function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

function readCsv(fileName: string, content: Buffer): Table {
  const { text, encoding } = decode(content);
  const delimiter = sniffDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }) as never;
  } catch (e) {
    throw refuse('relation.import.unreadable', fileName, { reason: (e as Error).message });
  }
  const nonEmpty = records.filter((r) => r.record.some((c) => c.trim() !== ''));
  if (nonEmpty.length < 2) throw refuse('relation.import.empty', fileName);
  const [header, ...data] = nonEmpty;
  if (data.length > MAX_IMPORT_ROWS) throw refuse('relation.import.too_many_rows', fileName, { rows: data.length, max: MAX_IMPORT_ROWS });
  return {
    format: 'csv',
    encoding,
    delimiter,
    headers: uniqueHeaders(header.record),
    rows: data.map((r) => ({ row: r.info.lines, cells: r.record.map((c) => c.trim()) })),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink (e-mail addresses)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(fileName: string, content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw refuse('relation.import.file_type', fileName);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse('relation.import.empty', fileName);
  const rows: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
    if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  if (rows.length < 2) throw refuse('relation.import.empty', fileName);
  const [header, ...data] = rows;
  if (data.length > MAX_IMPORT_ROWS) throw refuse('relation.import.too_many_rows', fileName, { rows: data.length, max: MAX_IMPORT_ROWS });
  return { format: 'xlsx', headers: uniqueHeaders(header.cells), rows: data };
}

/** Blank headers become "Column 3"; a repeated header gets " (2)". */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
