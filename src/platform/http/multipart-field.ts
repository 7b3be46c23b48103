// A multipart form's CSRF token, read from the start of its body. The CSRF check runs before a
// route reads an upload, so a multipart form puts its `_csrf` field before any file; this reads
// the body only as far as that field (or the first file, or `limit` bytes), then puts every
// byte it read back at the front of the request stream for the route's upload parser (multer).
// The token never travels in the address, so it is never in a log, a history or a Referer.
import type { IncomingMessage } from 'node:http';

type Found = { value: string | undefined } | 'more';

/** Looks for the text field `name` among the parts before the first file in `body`. */
export function fieldBeforeFiles(body: Buffer, boundary: string, name: string): Found {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let at = body.indexOf(delimiter);
  if (at < 0) return 'more';
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.length < afterDelimiter + 2) return 'more';
    if (body.toString('latin1', afterDelimiter, afterDelimiter + 2) === '--') return { value: undefined };
    const headersEnd = body.indexOf('\r\n\r\n', afterDelimiter, 'latin1');
    if (headersEnd < 0) return 'more';
    const headers = body.toString('latin1', afterDelimiter, headersEnd);
    const contentStart = headersEnd + 4;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`, 'latin1'), contentStart);
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    if (/;\s*filename\*?=/i.test(disposition)) return { value: undefined }; // a file comes first
    const partName =
      /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*name=([^;\s]+)/i.exec(disposition)?.[1];
    if (next < 0) return 'more';
    if (partName === name) return { value: body.toString('utf8', contentStart, next) };
    at = next + 2;
  }
}

/** The boundary of a multipart/form-data request, from its Content-Type. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/**
 * Reads the text field `name` of a multipart request from the parts before its first file,
 * reading no more than `limit` bytes, and leaves the request's body to be read again whole.
 * Undefined when the field is not there (after a file, or beyond the limit, or missing).
 */
export function readFieldBeforeFiles(
  req: IncomingMessage,
  name: string,
  limit = 64 * 1024,
): Promise<string | undefined> {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const settle = (value: string | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.pause();
      // what was read goes back to the front of the stream, for the route's parser
      if (length && !req.readableEnded) req.unshift(Buffer.concat(chunks, length));
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      const found = fieldBeforeFiles(Buffer.concat(chunks, length), boundary, name);
      if (found !== 'more') settle(found.value);
      else if (length >= limit) settle(undefined);
    };
    const onEnd = () => settle(undefined);
    const onError = (error: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      reject(error);
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
  });
}
