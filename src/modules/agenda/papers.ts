// What a paper may be: a PDF, a Word, Excel, PowerPoint or OpenDocument file, or plain text,
// of at most 10 MB. The type is decided by the file's name and confirmed by its first bytes,
// so a file renamed to look like a PDF is refused.
export const paperSizeLimit = 10 * 1024 * 1024;

const zip = [0x50, 0x4b, 0x03, 0x04];
const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

const types: Record<string, { mediaType: string; signature: number[] | 'text' }> = {
  pdf: { mediaType: 'application/pdf', signature: pdf },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    signature: zip,
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: zip },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    signature: zip,
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', signature: zip },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', signature: zip },
  doc: { mediaType: 'application/msword', signature: ole },
  xls: { mediaType: 'application/vnd.ms-excel', signature: ole },
  txt: { mediaType: 'text/plain; charset=utf-8', signature: 'text' },
};

export const acceptedExtensions = Object.keys(types);

/** The paper's media type, or the reason it is refused. */
export function checkPaper(
  fileName: string,
  content: Buffer,
): { ok: true; mediaType: string } | { ok: false; message: string } {
  if (!content.length) return { ok: false, message: 'The paper is empty' };
  if (content.length > paperSizeLimit) return { ok: false, message: 'The paper must be smaller than 10 MB' };
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = types[extension];
  const allowed = 'The paper must be a PDF, Word, Excel, PowerPoint, OpenDocument or plain text file';
  if (!type) return { ok: false, message: allowed };
  const matches =
    type.signature === 'text'
      ? !content.includes(0) && Buffer.from(content.toString('utf8'), 'utf8').equals(content)
      : type.signature.every((byte, index) => content[index] === byte);
  if (!matches)
    return { ok: false, message: `The paper is not really a .${extension} file: ${allowed.toLowerCase()}` };
  return { ok: true, mediaType: type.mediaType };
}
