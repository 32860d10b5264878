import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const ENTITIES = new Map([['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&apos;', "'"]]);
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES.get(e) ?? e);
const numbered = (prefix: string, names: string[]) =>
  names.filter((n) => new RegExp(`^${prefix}\\d+\\.xml$`).test(n)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));

export interface Deck {
  zip: JSZip;
  /** Each slide's text runs, in slide order. */
  slides: string[][];
  /** Each slide's tables as rows of cell texts. */
  tables: string[][][];
  /** ppt/charts/chartN.xml in order, with the category labels and values of their first series. */
  charts: Array<{ path: string; xml: string; categories: string[]; values: string[] }>;
}

function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<a:tr\b.*?<\/a:tr>/gs)].map((tr) => [...tr[0].matchAll(/<a:tc\b.*?<\/a:tc>/gs)].map((tc) => [...tc[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1] ?? '')).join('')));
}

const points = (part: string) => [...part.matchAll(/<c:pt idx="\d+">\s*<c:v>([^<]*)<\/c:v>/g)].map((m) => unescape(m[1] ?? ''));

/** A PowerPoint file opened as its parts: what a reader of the XML finds in it. */
export async function openDeck(bytes: Uint8Array): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const slideXml = await Promise.all(numbered('ppt/slides/slide', names).map((n) => zip.file(n)?.async('string') ?? ''));
  const charts = await Promise.all(
    numbered('ppt/charts/chart', names).map(async (path) => {
      const xml = (await zip.file(path)?.async('string')) ?? '';
      return { path, xml, categories: points(/<c:cat>.*?<\/c:cat>/s.exec(xml)?.[0] ?? ''), values: points(/<c:val>.*?<\/c:val>/s.exec(xml)?.[0] ?? '') };
    }),
  );
  return {
    zip,
    slides: slideXml.map((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1] ?? ''))),
    tables: slideXml.map((xml) => [...xml.matchAll(/<a:tbl>.*?<\/a:tbl>/gs)].flatMap((t) => tableRows(t[0]))),
    charts,
  };
}

/** An Excel file read back by exceljs: each sheet's rows as plain values (row 1 the header). */
export async function openWorkbook(bytes: Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheets: Map<string, unknown[][]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map(
    workbook.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return [ws.name, rows] as const;
    }),
  );
  return { workbook, sheets };
}

/** The XML parts of an OOXML file whose first bytes are a UTF-8 byte order mark. */
export async function partsWithBom(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const head = (await zip.file(name)?.async('uint8array'))?.subarray(0, 3) ?? new Uint8Array();
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) found.push(name);
  }
  return found;
}
