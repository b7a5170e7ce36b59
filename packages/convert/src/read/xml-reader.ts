import { SaxesParser } from 'saxes';
import { ConvertError } from '../errors/convert-error.ts';
import { decodeXmlFile, type XmlDecoding } from './xml-encoding.ts';
import { tableRecords } from './ndjson-reader.ts';
import { emptySummary, type RecordReader, type SourceRecord, type SourceSummary } from './record-source.ts';

interface XmlVisitor {
  open(name: string, attributes: Record<string, string>, line: number): void;
  text(text: string): void;
  close(): void;
}

/**
 * Streams `file` through saxes (which never expands external entities), decoded as
 * xml-encoding decides (BOM, declaration, detector). A DOCTYPE that declares entities
 * is refused before any can expand (billion laughs).
 */
async function* parseXml(
  file: string,
  visitor: XmlVisitor,
  onBytes?: (bytes: number) => void,
  decoding: XmlDecoding = { replacements: 0 },
): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: true });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new ConvertError('XML_ENTITY_REFUSED', `${file} declares entities in its DOCTYPE; refused`, {
        line: parser.line,
      });
    }
  });
  parser.on('opentag', (tag) =>
    visitor.open(tag.name, tag.attributes as Record<string, string>, parser.line),
  );
  parser.on('text', (text) => visitor.text(text));
  parser.on('cdata', (text) => visitor.text(text));
  parser.on('closetag', () => visitor.close());
  const guard = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof ConvertError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new ConvertError('INVALID_XML', `Invalid XML: ${detail}`, { line: parser.line, cause: error });
    }
  };
  for await (const chunk of decodeXmlFile(file, decoding, onBytes)) {
    guard(() => parser.write(chunk));
    yield;
  }
  guard(() => parser.close());
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
const isNamespace = (name: string): boolean => name === 'xmlns' || name.startsWith('xmlns:');

/**
 * The record element: the element repeated most often under one parent, ignoring those
 * nested inside another repeated element (a record's own repeated children); without
 * any repetition, the root's first child.
 */
async function findRecordPath(file: string): Promise<string> {
  const stack: { path: string; children: Map<string, number> }[] = [];
  const totals = new Map<string, number>();
  let firstChild: string | undefined;
  const visitor: XmlVisitor = {
    open(name) {
      const path = `${stack.at(-1)?.path ?? ''}/${name}`;
      const parent = stack.at(-1);
      if (parent) parent.children.set(name, (parent.children.get(name) ?? 0) + 1);
      if (stack.length === 1) firstChild ??= path;
      stack.push({ path, children: new Map() });
    },
    text() {},
    close() {
      const done = stack.pop();
      for (const [name, count] of done?.children ?? []) {
        const path = `${done?.path}/${name}`;
        if (count >= 2 || totals.has(path)) totals.set(path, (totals.get(path) ?? 0) + count);
      }
    },
  };
  for await (const _ of parseXml(file, visitor));
  let best: [string, number] | undefined;
  for (const [path, count] of totals) {
    const nested = [...totals.keys()].some((other) => other !== path && path.startsWith(`${other}/`));
    if (!nested && (!best || count > best[1])) best = [path, count];
  }
  const found = best?.[0] ?? firstChild;
  if (!found) throw new ConvertError('NO_RECORDS', `${file} has no repeated element to read as records`);
  return found;
}

interface XmlRecord {
  value: Map<string, string>;
  line: number;
}

/** Each record element as `qualified key → text`: children dotted, attributes `@name`. */
async function* xmlRecords(
  file: string,
  recordPath: string,
  onBytes?: (bytes: number) => void,
  decoding?: XmlDecoding,
): AsyncGenerator<XmlRecord> {
  const path: string[] = [];
  let relative: string[] | undefined;
  let values = new Map<string, string[]>();
  let texts: string[] = [];
  let hasChildren: boolean[] = [];
  let line = 0;
  let found: XmlRecord[] = [];
  const add = (key: string, text: string) => values.set(key, [...(values.get(key) ?? []), text]);
  const visitor: XmlVisitor = {
    open(name, attributes, at) {
      path.push(name);
      if (!relative && `/${path.join('/')}` === recordPath) {
        [relative, values, texts, hasChildren, line] = [[], new Map(), [''], [false], at];
      } else if (relative) {
        relative.push(name);
        hasChildren[hasChildren.length - 1] = true;
        texts.push('');
        hasChildren.push(false);
      } else return;
      for (const [attribute, value] of Object.entries(attributes)) {
        if (!isNamespace(attribute)) add([...relative, `@${attribute}`].join('.'), value.trim());
      }
    },
    text(text) {
      if (relative) texts[texts.length - 1] += text;
    },
    close() {
      path.pop();
      if (!relative) return;
      const text = (texts.pop() ?? '').trim();
      const parent = hasChildren.pop() ?? false;
      if (text !== '' || !parent) add(relative.join('.') || '#text', text);
      if (relative.length === 0) {
        found.push({ value: new Map([...values].map(([key, list]) => [key, list.join(';')])), line });
        relative = undefined;
      } else relative.pop();
    },
  };
  for await (const _ of parseXml(file, visitor, onBytes, decoding)) {
    yield* found;
    found = [];
  }
}

/** Column names: namespace prefixes and `@` dropped, collisions made unique (`name_2`). */
function displayNames(keys: Iterable<string>, recordName: string): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const base =
      key === '#text'
        ? localName(recordName)
        : key
            .split('.')
            .map((part) => localName(part.replace(/^@/, '')))
            .join('.');
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(key, name);
  }
  return names;
}

/**
 * XML, streamed with saxes: the repeated record element's attributes and child elements
 * (nested ones dotted) become columns, in first-seen order over all records. Big5/CP950
 * and UTF-16 files are decoded on the fly (see xml-encoding); the encoding is reported.
 */
export const readXmlFile: RecordReader = (file, options) => {
  const summary: SourceSummary = emptySummary();
  async function* read(): AsyncGenerator<SourceRecord> {
    const recordPath = await findRecordPath(file);
    summary.part = recordPath;
    const keys = new Set<string>();
    for await (const { value } of xmlRecords(file, recordPath)) for (const key of value.keys()) keys.add(key);
    const names = displayNames(keys, recordPath.split('/').at(-1) ?? '');
    const columns = [...keys];
    const decoding: XmlDecoding = { replacements: 0 };
    async function* renamed() {
      for await (const { value, line } of xmlRecords(file, recordPath, options.onBytes, decoding)) {
        yield { value: new Map(columns.map((key) => [names.get(key) ?? key, value.get(key) ?? ''])), line };
      }
    }
    yield* tableRecords([...names.values()], renamed());
    summary.encoding = decoding.encoding?.detected;
    summary.replacementCount = decoding.replacements;
    if (decoding.encoding?.warning) summary.warnings.push(decoding.encoding.warning);
  }
  return { [Symbol.asyncIterator]: read, summary, headerIsFirstRecord: true };
};
