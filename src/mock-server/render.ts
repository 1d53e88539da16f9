/**
 * What the stand-in returns for exports and snapshots: small but well-formed files of each kind
 * (SVG with the markers the real export has, a real PNG, a one-page PDF, mxGraph XML, a budget CSV
 * and a minimal XLSX), drawn from the blueprint's node positions. Good enough to exercise a
 * pipeline end to end; not a renderer.
 */
import { crc32, deflateSync } from 'node:zlib';

export interface RenderParams {
  width?: number;
  height?: number;
  scale?: number;
  grid?: boolean;
  transparent?: boolean;
  landscape?: boolean;
  paperSize?: string;
}

interface Box {
  id: string;
  type: string;
  x: number;
  y: number;
}

const CELL = 40;

function boxes(data: Record<string, unknown>): Box[] {
  const nodes = Array.isArray(data['nodes']) ? (data['nodes'] as Record<string, unknown>[]) : [];
  return nodes.map((n, i) => {
    const pos = Array.isArray(n['mapPos']) ? (n['mapPos'] as number[]) : [i * 3, 0];
    return { id: String(n['id'] ?? i), type: String(n['type'] ?? 'block'), x: Number(pos[0]) || 0, y: Number(pos[1]) || 0 };
  });
}

function size(p: RenderParams): { w: number; h: number } {
  const s = p.scale ?? 1;
  return { w: Math.max(1, Math.round((p.width ?? 1920) * s)), h: Math.max(1, Math.round((p.height ?? 1080) * s)) };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function renderSvg(name: string, data: Record<string, unknown>, p: RenderParams): string {
  const { w, h } = size(p);
  const grid = p.grid ? `<defs><pattern id="gridPatternMajor" width="${CELL}" height="${CELL}" patternUnits="userSpaceOnUse"><path d="M ${CELL} 0 L 0 0 0 ${CELL}" fill="none" stroke="#ccd"/></pattern></defs>\n<rect width="100%" height="100%" fill="url(#gridPatternMajor)"/>\n` : '';
  const bg = p.transparent ? '' : '<rect width="100%" height="100%" fill="#ffffff"/>\n';
  const shapes = boxes(data).map((b) => `<g id="${escapeXml(b.id)}" data-type="${escapeXml(b.type)}"><rect x="${b.x * CELL + CELL}" y="${b.y * CELL + CELL}" width="${CELL}" height="${CELL}" fill="#f5b720"/></g>`).join('\n');
  return `<?xml version="1.0" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${escapeXml(name)}</title>\n${bg}${grid}${shapes}\n<g id="interactionLayer"/></svg>\n`;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG with a square per node. */
export function renderPng(data: Record<string, unknown>, p: RenderParams): Buffer {
  const { w, h } = size(p);
  const row = 1 + w * 4;
  const raw = Buffer.alloc(row * h, p.transparent ? 0 : 0xff);
  for (let y = 0; y < h; y++) raw[y * row] = 0;
  const cell = Math.max(2, Math.round(CELL * (p.scale ?? 1)));
  for (const b of boxes(data)) {
    const x0 = Math.round((b.x + 1) * cell);
    const y0 = Math.round((b.y + 1) * cell);
    for (let y = Math.max(0, y0); y < Math.min(h, y0 + cell); y++) {
      for (let x = Math.max(0, x0); x < Math.min(w, x0 + cell); x++) raw.set([0xf5, 0xb7, 0x20, 0xff], y * row + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const PAPER_POINTS: Record<string, [number, number]> = {
  Letter: [612, 792], Legal: [612, 1008], Tabloid: [792, 1224], Ledger: [1224, 792], A0: [2384, 3370], A1: [1684, 2384], A2: [1191, 1684],
  A3: [842, 1191], A4: [595, 842], A5: [420, 595],
};

/** A one-page PDF naming the blueprint, with a correct xref table. */
export function renderPdf(name: string, data: Record<string, unknown>, p: RenderParams): Buffer {
  let [pw, ph] = PAPER_POINTS[p.paperSize ?? 'A4'] ?? PAPER_POINTS['A4']!;
  if (p.landscape) [pw, ph] = [ph, pw];
  const text = `${name} (${boxes(data).length} components)`.replace(/[()\\]/g, (c) => `\\${c}`);
  const content = `BT /F1 18 Tf 36 ${ph - 54} Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function renderMxGraph(data: Record<string, unknown>): string {
  const cells = boxes(data).map((b) => `    <mxCell id="${escapeXml(b.id)}" value="${escapeXml(b.type)}" style="rounded=0;whiteSpace=wrap;" vertex="1" parent="1">\n      <mxGeometry x="${b.x * CELL}" y="${b.y * CELL}" width="${CELL}" height="${CELL}" as="geometry"/>\n    </mxCell>`);
  return `<mxGraphModel>\n  <root>\n    <mxCell id="0"/>\n    <mxCell id="1" parent="0"/>\n${cells.join('\n')}${cells.length ? '\n' : ''}  </root>\n</mxGraphModel>\n`;
}

export const BUDGET_HEADER = ['category', 'type', 'region', 'count', 'unitPrice', 'cost', 'instanceType', 'instanceSize', 'platform', 'role', 'engine', 'storage',
  'dataGb', 'snapshots', 'volume', 'iops', 'memory', 'mRequests', 'computeDuration', 'readUnits', 'writeUnits', 'readConsistency', 'shards', 'putUnits',
  'extendedRetention', 'emailsOut', 'requests', 'notifications', 'notificationType', 'cache', 'apiCalls', 'tier', 'instance'];

/** Stand-in monthly USD prices; the stand-in's budget is about shape, not about money. */
const MONTHLY_USD: Record<string, number> = { ec2: 70.08, rds: 131.4, lambda: 1.2, s3: 2.3, elb: 16.43, natgateway: 32.85 };
const PERIOD_FACTOR: Record<string, number> = { h: 1 / 730, d: 1 / 30.4167, w: 1 / 4.345, m: 1, y: 12 };

export function budgetRows(data: Record<string, unknown>, period = 'm'): string[][] {
  const nodes = Array.isArray(data['nodes']) ? (data['nodes'] as Record<string, unknown>[]) : [];
  const groups = new Map<string, { n: Record<string, unknown>; count: number }>();
  for (const n of nodes) {
    const key = [n['type'], n['region'], n['instanceType'], n['instanceSize']].join('|');
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { n, count: 1 });
  }
  return [...groups.values()].map(({ n, count }) => {
    const unit = (MONTHLY_USD[String(n['type'])] ?? 0) * (PERIOD_FACTOR[period] ?? 1);
    const row: Record<string, string> = {
      category: 'Compute', type: String(n['type'] ?? ''), region: String(n['region'] ?? ''), count: String(count), unitPrice: unit.toFixed(2),
      cost: (unit * count).toFixed(2), instanceType: String(n['instanceType'] ?? ''), instanceSize: String(n['instanceSize'] ?? ''),
      platform: String(n['platform'] ?? ''), role: String(n['role'] ?? ''), engine: String(n['engine'] ?? ''),
    };
    return BUDGET_HEADER.map((h) => row[h] ?? '');
  });
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderBudgetCsv(data: Record<string, unknown>, period?: string): string {
  return [BUDGET_HEADER, ...budgetRows(data, period)].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** A minimal, valid XLSX (a stored ZIP of five XML parts) holding the budget table. */
export function renderBudgetXlsx(data: Record<string, unknown>, period?: string): Buffer {
  const rows = [BUDGET_HEADER, ...budgetRows(data, period)];
  const sheetRows = rows.map((r, i) => `<row r="${i + 1}">${r.map((c) => `<c t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`).join('')}</row>`).join('');
  const ns = 'http://schemas.openxmlformats.org';
  const parts: [string, string][] = [
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ];
  return storedZip(parts.map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}

/** ZIP with uncompressed ("stored") entries: local headers, central directory, end record. */
function storedZip(files: [string, Buffer][]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, nameBuf, data);
    central.push(dir, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const centralBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralBuf, end]);
}
