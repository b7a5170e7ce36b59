import { ConvertError, readerFor, sniffInputKind, type InputKind } from '@odp/convert';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { convertIntoPlace } from './convert-into-place.ts';
import type { ConvertibleCopy, OtherFormat } from './other-formats.ts';

/**
 * The platform's converted copies, cached under `<dataDir>/converted/v1/ab/<sha256>.<format>`:
 * the same stored body converts to the same bytes, so each (body, format) is converted
 * once, whatever resource holds it. A conversion writes a temporary file and renames it
 * into place when whole, so a half-written copy is never served; while one runs, other
 * requests for the same copy wait for it rather than starting another.
 *
 * Bump CONVERSION_VERSION when the converter's output for the same input changes.
 */

const CONVERSION_VERSION = 'v1';

/** Input kinds converted: tables and records, not documents, web pages or archives. */
const CONVERTED_KINDS: ReadonlySet<InputKind> = new Set([
  'delimited',
  'xlsx',
  'ods',
  'json',
  'ndjson',
  'xml',
]);

export interface ConvertedFile {
  path: string;
  bytes: number;
}

export class ConvertedCopyStore {
  readonly #root: string;
  readonly #inFlight = new Map<string, Promise<ConvertedFile>>();
  /** How many conversions ran (not served from the cache): for tests and logs. */
  conversions = 0;

  constructor(dataDir: string) {
    this.#root = path.join(dataDir, 'converted', CONVERSION_VERSION);
  }

  /** Where a copy is cached; the checksum is checked, the format is one of OTHER_FORMATS. */
  pathOf(sha256: string, format: OtherFormat): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.#root, sha256.slice(0, 2), `${sha256}.${format}`);
  }

  /** The converted copy, from the cache or converted now; a ConvertError when the body cannot be read. */
  async get(copy: ConvertibleCopy, format: OtherFormat): Promise<ConvertedFile> {
    const target = this.pathOf(copy.sha256, format);
    const cached = await sizeOf(target);
    if (cached !== undefined) return { path: target, bytes: cached };
    const running = this.#inFlight.get(target);
    if (running) return running;
    const work = this.#convert(copy.path, target, format).finally(() => this.#inFlight.delete(target));
    this.#inFlight.set(target, work);
    return work;
  }

  async #convert(input: string, target: string, format: OtherFormat): Promise<ConvertedFile> {
    // Another process may have finished it since the cache was looked at.
    const done = await sizeOf(target);
    if (done !== undefined) return { path: target, bytes: done };
    this.conversions++;
    const kind = await sniffInputKind(input);
    if (!CONVERTED_KINDS.has(kind)) {
      throw new ConvertError('UNSUPPORTED_INPUT', `The stored file is ${kind}, not a table or records`);
    }
    const reader = await readerFor(kind, input);
    // A faithful copy: re-encoded and restructured, the values as the agency wrote them.
    await convertIntoPlace(input, reader, target, { to: format, normalize: false });
    return { path: target, bytes: (await stat(target)).size };
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}
