// Imported text files (CSV) in the encoding they were saved in (ADR 0048). A file is read as
// UTF-8 when it says so (a byte-order mark) or is valid UTF-8; as UTF-16 when it starts with
// UTF-16's byte-order mark; otherwise as Windows-1252, the "ANSI" encoding Excel on Windows
// saves CSV in, of which ISO-8859-1 (Latin-1) is a subset for every printable character. The
// person importing may instead say which encoding the file is in. Characters that cannot be
// read are never dropped in silence: each line holding one is named in a warning.

export const textEncodingValues = [
  'auto',
  'utf-8',
  'windows-1252',
  'iso-8859-1',
  'utf-16le',
  'utf-16be',
] as const;
export type TextEncodingChoice = (typeof textEncodingValues)[number];
export type TextEncoding = Exclude<TextEncodingChoice, 'auto'>;

/** The choices the upload form offers, in its words. */
export const textEncodingLabels: Record<TextEncodingChoice, string> = {
  auto: 'Work it out from the file (recommended)',
  'utf-8': 'UTF-8 (Excel’s “CSV UTF-8”, most other programs)',
  'windows-1252': 'Windows-1252 (“ANSI”: Excel’s plain “CSV” on Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'utf-16le': 'UTF-16 little-endian (Excel’s “Unicode text”)',
  'utf-16be': 'UTF-16 big-endian',
};

export const textEncodingNames: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
};

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** How the encoding was found: the byte-order mark, the bytes themselves, or the person's choice. */
  detectedBy: 'byte-order mark' | 'content' | 'choice';
  /** Lines (1-based, as a text editor counts them) holding a character that could not be read. */
  unreadableLines: number[];
}

const utf8Bom = [0xef, 0xbb, 0xbf];
const startsWith = (content: Uint8Array, bytes: number[]) =>
  bytes.every((byte, index) => content[index] === byte);

/**
 * Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); a decoder gives
 * them as C1 control characters, which no one types. ISO-8859-1 has no printable character
 * at all in 0x80-0x9F. Either way such a character could not be read.
 */
const unreadable = /[\uFFFD\u0080-\u009F]/;

/** Whether the text holds a character that could not be read (a replacement character or a C1 control). */
export function hasUnreadableCharacter(text: string): boolean {
  return unreadable.test(text);
}

function unreadableLinesOf(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (unreadable.test(line)) lines.push(index + 1);
  });
  return lines;
}

function decodeAs(content: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8': {
      const start = startsWith(content, utf8Bom) ? 3 : 0;
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(content.subarray(start));
    }
    case 'utf-16le':
    case 'utf-16be': {
      const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const start = startsWith(content, bom) ? 2 : 0;
      return new TextDecoder(encoding, { ignoreBOM: true }).decode(content.subarray(start));
    }
    case 'windows-1252':
      return new TextDecoder('windows-1252').decode(content);
    case 'iso-8859-1':
      // Latin-1 proper: every byte is the character of the same number (0x80-0x9F are C1 controls)
      return Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
  }
}

/** Whether the bytes are well-formed UTF-8. */
function isUtf8(content: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** The encoding the bytes are in, by the rule above, and how it was found. */
export function detectTextEncoding(content: Uint8Array): Pick<DecodedText, 'encoding' | 'detectedBy'> {
  if (startsWith(content, utf8Bom)) return { encoding: 'utf-8', detectedBy: 'byte-order mark' };
  if (startsWith(content, [0xff, 0xfe])) return { encoding: 'utf-16le', detectedBy: 'byte-order mark' };
  if (startsWith(content, [0xfe, 0xff])) return { encoding: 'utf-16be', detectedBy: 'byte-order mark' };
  return { encoding: isUtf8(content) ? 'utf-8' : 'windows-1252', detectedBy: 'content' };
}

/** The file's text, in the encoding chosen or (with "auto") worked out, with the lines that could not be read. */
export function decodeText(content: Uint8Array, choice: TextEncodingChoice = 'auto'): DecodedText {
  const { encoding, detectedBy } =
    choice === 'auto' ? detectTextEncoding(content) : { encoding: choice, detectedBy: 'choice' as const };
  const text = decodeAs(content, encoding);
  return { text, encoding, detectedBy, unreadableLines: unreadableLinesOf(text) };
}

/** "lines 3 and 7", "rows 2, 4, 9 and 12 more". */
export function describeLines(lines: readonly number[], noun = 'line', shown = 10): string {
  if (lines.length === 1) return `${noun} ${lines[0]}`;
  const named = lines.slice(0, shown);
  const more = lines.length - named.length;
  return more > 0
    ? `${noun}s ${named.join(', ')} and ${more} more`
    : `${noun}s ${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/** The choice a form sent ("" or nothing is "auto"); undefined when it is not one of the choices. */
export function textEncodingChoice(value: unknown): TextEncodingChoice | undefined {
  if (value === undefined || value === null || value === '') return 'auto';
  return (textEncodingValues as readonly unknown[]).includes(value)
    ? (value as TextEncodingChoice)
    : undefined;
}

/** The warning a preview shows when characters could not be read, or undefined. */
export function encodingWarning(
  encoding: TextEncoding,
  lines: readonly number[],
  noun = 'line',
): string | undefined {
  if (!lines.length) return undefined;
  return `Some characters could not be read as ${textEncodingNames[encoding]} on ${describeLines(lines, noun)}: they show as “�” or not at all. Check the names on those lines, or upload the file again choosing the encoding it was saved in.`;
}
