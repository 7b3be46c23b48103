// A view rendered to a string (for PDFs and other documents made from HTML).
import type { Express, Response } from 'express';
import { HttpError } from '../http/errors.ts';
import { PdfUnavailable, type PdfPrinter } from './pdf.ts';
import { inlineStylesheet } from '../views/assets.ts';

export async function renderPrintable(
  res: Response,
  view: string,
  locals: Record<string, unknown>,
): Promise<string> {
  const stylesheet = await inlineStylesheet();
  return new Promise((done, fail) => {
    res.render(view, { ...locals, stylesheet }, (error: Error | null, html?: string) =>
      error ? fail(error) : done(html ?? ''),
    );
  });
}

/** A print view rendered outside any request (e.g. by a background job), with the stylesheet. */
export async function renderPrintableWith(
  app: Express,
  view: string,
  locals: Record<string, unknown>,
): Promise<string> {
  const stylesheet = await inlineStylesheet();
  return new Promise((done, fail) => {
    app.render(view, { ...locals, stylesheet }, (error: Error | null, html?: string) =>
      error ? fail(error) : done(html ?? ''),
    );
  });
}

/** Sends a finished document as a download. */
export function sendDocument(
  res: Response,
  file: { name: string; type: 'pdf' | 'docx'; content: Buffer },
): void {
  const types = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  res.type(types[file.type]).attachment(`${file.name}.${file.type}`).send(file.content);
}

/** Prints an HTML document and sends it as a PDF; 503 when no browser can print. */
export async function sendPdf(
  res: Response,
  printer: PdfPrinter,
  document: { name: string; title: string; html: string },
): Promise<void> {
  try {
    sendDocument(res, {
      name: document.name,
      type: 'pdf',
      content: await printer.print(document.html, { title: document.title }),
    });
  } catch (error) {
    if (error instanceof PdfUnavailable)
      throw new HttpError(503, 'PDF documents are not available', error.message);
    throw error;
  }
}
