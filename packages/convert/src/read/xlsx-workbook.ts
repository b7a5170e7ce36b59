import posix from 'node:path/posix';
import type { SaxesTagPlain } from 'saxes';
import { ConvertError } from '../errors/convert-error.ts';
import { createPartParser, localName, parsePart } from './xlsx-part.ts';
import type { OpenZip, ZipEntryInfo } from './zip-entries.ts';

/** A worksheet of the workbook, in workbook order. */
export interface WorkbookSheet {
  name: string;
  entry: ZipEntryInfo;
}

/** What xl/workbook.xml and its relationships say: the sheets and where the shared parts are. */
export interface WorkbookParts {
  sheets: WorkbookSheet[];
  /** Serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
  sharedStrings: ZipEntryInfo | undefined;
  styles: ZipEntryInfo | undefined;
}

const WORKBOOK = 'xl/workbook.xml';
const REL_TYPE = /\/(worksheet|sharedStrings|styles)$/;

/** An entry by name; exact first, then ignoring case (some writers differ in case from their rels). */
function findEntry(zip: OpenZip, name: string): ZipEntryInfo | undefined {
  const lower = name.toLowerCase();
  return zip.entries.find((e) => e.name === name) ?? zip.entries.find((e) => e.name.toLowerCase() === lower);
}

/** The part a relationship of `from` points to: relative to its folder, or absolute (`/xl/…`). */
function resolveTarget(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(from), target);
  return posix.normalize(path);
}

interface Relationship {
  type: string;
  target: string;
}

async function readRelationships(zip: OpenZip): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  const info = findEntry(zip, 'xl/_rels/workbook.xml.rels');
  if (!info) return relationships;
  const parser = createPartParser(info.name);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (localName(tag.name) !== 'Relationship') return;
    const { Id, Type, Target, TargetMode } = tag.attributes as Record<string, string | undefined>;
    const type = REL_TYPE.exec(Type ?? '')?.[1];
    if (Id && type && Target && TargetMode !== 'External') {
      relationships.set(Id, { type, target: resolveTarget(WORKBOOK, Target) });
    }
  });
  await parsePart(zip, info, parser);
  return relationships;
}

const corrupt = (message: string) => new ConvertError('CORRUPT_FILE', message);

/**
 * Reads the workbook's map through the central directory (random access: the order in
 * which the writer stored the parts does not matter — exceljs stores workbook.xml last).
 */
export async function readWorkbookParts(zip: OpenZip, path: string): Promise<WorkbookParts> {
  const workbook = findEntry(zip, WORKBOOK);
  if (!workbook) throw corrupt(`${path} has no ${WORKBOOK}: not an Excel workbook`);
  const relationships = await readRelationships(zip);
  const declared: { name: string; id: string }[] = [];
  let date1904 = false;
  const parser = createPartParser(workbook.name);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string | undefined>;
    const name = localName(tag.name);
    if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    else if (name === 'sheet') {
      const id = Object.entries(a).find(([key]) => localName(key) === 'id' && key !== 'id')?.[1];
      if (a.name !== undefined && id) declared.push({ name: a.name, id });
    }
  });
  await parsePart(zip, workbook, parser);
  const sheets: WorkbookSheet[] = [];
  for (const { name, id } of declared) {
    const relationship = relationships.get(id);
    if (relationship?.type !== 'worksheet') continue; // a chart sheet: no cells
    const entry = findEntry(zip, relationship.target);
    if (!entry) throw corrupt(`${path} lacks ${relationship.target}, the part of sheet ${name}`);
    sheets.push({ name, entry });
  }
  const shared = (type: string, fallback: string) => {
    const target = [...relationships.values()].find((r) => r.type === type)?.target ?? fallback;
    return findEntry(zip, target);
  };
  return {
    sheets,
    date1904,
    sharedStrings: shared('sharedStrings', 'xl/sharedStrings.xml'),
    styles: shared('styles', 'xl/styles.xml'),
  };
}
