/**
 * Small PDF layout helpers on pdfkit: a paged table (title, filter line, repeated header row,
 * page numbers) and a label/value detail sheet. A4; the list in landscape.
 */
import PDFDocument from 'pdfkit';

export interface PdfColumn {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'right';
}

export interface TablePdf {
  title: string;
  subtitle?: string;
  footer: (page: number, pages: number) => string;
  columns: PdfColumn[];
  rows: string[][];
  author?: string;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function footers(doc: PDFKit.PDFDocument, footer: (page: number, pages: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - 30;
    const { left, right } = doc.page.margins;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.font('Helvetica').fontSize(7).fillColor('#666').text(footer(i + 1, range.count), left, bottom, { width: doc.page.width - left - right, align: 'right', lineBreak: false });
  }
}

export async function renderTablePdf(spec: TablePdf): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 36, bottom: 44, left: 32, right: 32 }, bufferPages: true, info: { Title: spec.title, Author: spec.author ?? 'Argonaut' } });
  const done = collect(doc);
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / total) * usable);
  const pad = 3;
  const fontSize = 7.5;

  doc.font('Helvetica-Bold').fontSize(14).fillColor('#000').text(spec.title, left, doc.page.margins.top);
  if (spec.subtitle) doc.font('Helvetica').fontSize(8.5).fillColor('#444').text(spec.subtitle);
  doc.moveDown(0.6);

  const drawRow = (cells: string[], header: boolean) => {
    const font = () => doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    font();
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }));
    const h = Math.max(...heights) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      if (!header) drawRow(spec.columns.map((c) => c.header), true);
      font();
    }
    const y = doc.y;
    if (header) doc.rect(left, y, usable, h).fill('#e8ecf0');
    let x = left;
    doc.fillColor('#000');
    cells.forEach((c, i) => {
      doc.text(c ?? '', x + pad, y + pad, { width: widths[i] - 2 * pad, align: spec.columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.moveTo(left, y + h).lineTo(left + usable, y + h).lineWidth(0.3).strokeColor('#bbb').stroke();
    doc.y = y + h;
    doc.x = left;
  };
  drawRow(spec.columns.map((c) => c.header), true);
  for (const row of spec.rows) drawRow(row, false);

  footers(doc, spec.footer);
  doc.end();
  return done;
}

export interface DetailPdf {
  title: string;
  subtitle?: string;
  footer: (page: number, pages: number) => string;
  sections: Array<{ heading?: string; rows: Array<[string, string]> }>;
}

export async function renderDetailPdf(spec: DetailPdf): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, bufferPages: true, info: { Title: spec.title, Author: 'Argonaut' } });
  const done = collect(doc);
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 170;
  doc.font('Helvetica-Bold').fontSize(16).text(spec.title, left, doc.page.margins.top);
  if (spec.subtitle) doc.font('Helvetica').fontSize(10).fillColor('#444').text(spec.subtitle).fillColor('#000');
  doc.moveDown(0.8);
  for (const [i, section] of spec.sections.entries()) {
    if (i > 0) doc.moveDown(0.5);
    if (section.heading) {
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(section.heading, left).moveDown(0.2);
    }
    for (const [label, value] of section.rows) {
      doc.font('Helvetica').fontSize(9.5);
      const h = Math.max(doc.heightOfString(value || '—', { width: usable - labelWidth }), 12);
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      doc.fillColor('#555').text(label, left, y, { width: labelWidth - 8 });
      doc.fillColor('#000').text(value || '—', left + labelWidth, y, { width: usable - labelWidth });
      doc.y = y + h + 3;
    }
  }
  footers(doc, spec.footer);
  doc.end();
  return done;
}
