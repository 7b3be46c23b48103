// One uploaded file per form, kept in memory (2 MB at most). A refused upload is noted on the
// request for the handler to show as a form error, rather than failing the request.
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { textEncodingChoice, type TextEncodingChoice } from '../files/text-encoding.ts';
import { isMalformedUpload, unreadableUpload, uploadControlProblem } from '../http/control-characters.ts';

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2 * 1024 * 1024, files: 1 } });

export function acceptUpload(field = 'file'): RequestHandler {
  return (req, res, next) => {
    upload.single(field)(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        req.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE'
            ? 'The file must be smaller than 2 MB'
            : 'The file could not be uploaded';
        return next();
      }
      // a control character in the file's name or a field: a form error, nothing read (ADR 0044)
      if (isMalformedUpload(error)) {
        req.uploadProblem = unreadableUpload;
        return next();
      }
      const problem = error ? undefined : uploadControlProblem(req);
      if (problem) req.uploadProblem = problem;
      next(error);
    });
  };
}

/**
 * The uploaded file, with the encoding the form's "encoding" field asks a CSV file be read in
 * ("auto" when the form has none: worked out, ADR 0048), or why there is none to read.
 */
export function uploadedFile(
  req: Request,
): { name: string; content: Buffer; encoding: TextEncodingChoice } | { problem: string } {
  if (req.uploadProblem) return { problem: req.uploadProblem };
  if (!req.file || !req.file.size) return { problem: 'Select a CSV or Excel file' };
  const encoding = textEncodingChoice((req.body as Record<string, unknown> | undefined)?.encoding);
  if (!encoding) return { problem: 'Select the encoding the file was saved in from the list' };
  return { name: req.file.originalname, content: req.file.buffer, encoding };
}
