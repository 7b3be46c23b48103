// Archives (an .xlsx file is a zip) checked before anything unpacks them (ADR 0048). A small
// file can unpack to gigabytes (a "zip bomb"): the central directory at the end of the zip
// says how large every entry is once unpacked, so the sum and each entry's compression ratio
// are checked from it, reading no more than the directory. The directory can lie, so the
// entries are then inflated with a ceiling of exactly the size they declare, which stops a
// liar at that size instead of at the end of its bomb. Unpacking is one at a time (a queue),
// so three bombs at once cost no more than one, and a queue that is too long is refused.
import { inflateRawSync } from 'node:zlib';

export class ArchiveRefused extends Error {}

export interface ArchiveLimits {
  /** The most all the entries may unpack to, in bytes. */
  maxUnpackedBytes: number;
  /** The most an entry may unpack to per byte it takes in the file (entries over 1 MB). */
  maxRatio: number;
  /** The most entries the archive may hold. */
  maxEntries: number;
}

/** An uploaded spreadsheet (2 MB at most) may unpack to 50 MB: a real council's list is a small fraction of that. */
export const spreadsheetLimits: ArchiveLimits = {
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 1000,
};

export interface ArchiveEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** The central directory's entries, from the end of the file; refused if there is none or it is damaged. */
export function centralDirectory(content: Buffer): ArchiveEntry[] {
  // the end of central directory record: 22 bytes and a comment of up to 65,535
  const earliest = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let at = content.length - 22; at >= earliest; at--)
    if (content.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0)
    throw new ArchiveRefused(
      'The file is not a readable Excel (.xlsx) file: save it again as .xlsx or as CSV',
    );
  const count = content.readUInt16LE(end + 10);
  const size = content.readUInt32LE(end + 12);
  const offset = content.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ArchiveRefused(
      'The Excel file is too large to import: split it into smaller files or save it as CSV',
    );
  if (offset + size > end)
    throw new ArchiveRefused('The Excel file is damaged: save it again as .xlsx or as CSV');
  const entries: ArchiveEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || content.readUInt32LE(at) !== 0x02014b50)
      throw new ArchiveRefused('The Excel file is damaged: save it again as .xlsx or as CSV');
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    entries.push({
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localHeaderOffset: content.readUInt32LE(at + 42),
      name: content.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses an archive whose directory declares too much, before anything is unpacked. */
export function checkDeclaredSizes(
  content: Buffer,
  limits: ArchiveLimits = spreadsheetLimits,
): ArchiveEntry[] {
  const entries = centralDirectory(content);
  if (entries.length > limits.maxEntries)
    throw new ArchiveRefused(
      `The Excel file holds ${entries.length} parts, more than the ${limits.maxEntries} an import takes: save it as CSV`,
    );
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw new ArchiveRefused(
        'The Excel file is too large to import: split it into smaller files or save it as CSV',
      );
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)
      throw new ArchiveRefused(
        `The Excel file cannot be imported: one of its parts would unpack to ${megabytes(entry.uncompressedSize)}, ${Math.round(ratio)} times its packed size (at most ${limits.maxRatio} times is allowed). Save the sheet as CSV and upload that`,
      );
  }
  if (total > limits.maxUnpackedBytes)
    throw new ArchiveRefused(
      `The Excel file cannot be imported: it would unpack to ${megabytes(total)}, more than the ${megabytes(limits.maxUnpackedBytes)} allowed. Remove what is not needed or save the sheet as CSV`,
    );
  return entries;
}

/**
 * Inflates every entry with a ceiling of the size it declares, so a directory that lies is
 * caught at that size; refuses an entry that unpacks to more (or to other than it declares).
 */
export function checkActualSizes(content: Buffer, entries: readonly ArchiveEntry[]): void {
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > content.length || content.readUInt32LE(at) !== 0x04034b50)
      throw new ArchiveRefused('The Excel file is damaged: save it again as .xlsx or as CSV');
    const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
    const packed = content.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (packed.length !== entry.uncompressedSize)
        throw new ArchiveRefused('The Excel file is damaged: save it again as .xlsx or as CSV');
      continue;
    }
    if (entry.method !== 8)
      throw new ArchiveRefused(
        'The Excel file is packed in a way that cannot be read: save it again as .xlsx or as CSV',
      );
    let length: number;
    try {
      length = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) }).length;
    } catch {
      throw new ArchiveRefused(
        'The Excel file cannot be imported: a part of it unpacks to more than it says it holds. Save the sheet as CSV and upload that',
      );
    }
    if (length !== entry.uncompressedSize)
      throw new ArchiveRefused('The Excel file is damaged: save it again as .xlsx or as CSV');
  }
}

/** Both checks: the directory's sizes first (no unpacking), then the entries against them. */
export function checkArchive(content: Buffer, limits: ArchiveLimits = spreadsheetLimits): void {
  checkActualSizes(content, checkDeclaredSizes(content, limits));
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** The most unpackings that may wait for their turn; more are refused, "try again in a minute". */
export const MAX_WAITING_UNPACKS = 8;

/**
 * Runs `unpack` when no other unpacking is under way in this process (one at a time), so the
 * memory an import may take is one archive's limit, however many arrive together.
 */
export function oneUnpackAtATime<T>(unpack: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_WAITING_UNPACKS)
    return Promise.reject(
      new ArchiveRefused('Too many spreadsheets are being imported at the moment: try again in a minute'),
    );
  waiting++;
  const turn = queue.then(unpack).finally(() => {
    waiting--;
  });
  queue = turn.catch(() => undefined);
  return turn;
}
