import type { SaxesTagPlain } from 'saxes';
import { decodeXstring } from './xlsx-cell-value.ts';
import { createPartParser, localName, parsePart } from './xlsx-part.ts';
import type { OpenZip, ZipEntryInfo } from './zip-entries.ts';

/**
 * Collects the text of a string item (`<si>` of the shared strings, `<is>` of an inline
 * string): plain `<t>`, or rich text runs `<r><t>` joined; phonetic runs (`<rPh>`, ruby
 * over Japanese/Chinese text) left out.
 */
export class StringItemText {
  private text = '';
  private inText = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }

  add(text: string): void {
    if (this.inText) this.text += text;
  }

  /** The item's text, and a fresh start for the next item. */
  take(): string {
    const text = decodeXstring(this.text);
    this.text = '';
    this.inText = false;
    this.phonetic = 0;
    return text;
  }
}

/** The shared string table (xl/sharedStrings.xml), kept in memory as cells refer to it by index. */
export async function readSharedStrings(zip: OpenZip, info: ZipEntryInfo | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!info) return strings;
  const item = new StringItemText();
  let inItem = false;
  const parser = createPartParser(info.name);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'si') inItem = true;
    else if (inItem) item.open(name);
  });
  parser.on('text', (text) => {
    if (inItem) item.add(text);
  });
  parser.on('cdata', (text) => {
    if (inItem) item.add(text);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'si') {
      strings.push(item.take());
      inItem = false;
    } else if (inItem) item.close(name);
  });
  await parsePart(zip, info, parser);
  return strings;
}
