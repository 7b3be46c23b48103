// Accessible PDFs: an HTML print template printed by Chromium, tagged, with bookmarks from its
// headings and numbered pages. One browser per process, started on first use and kept warm.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { escapeHtml } from '../views/html-text.ts';
import { finishTagged } from './pdf-tags.ts';

/** Elements that start a line of their own: spaces next to their tags are layout, not text. */
const blockTags = new Set(
  (
    'html head body main header footer nav section article aside div p h1 h2 h3 h4 h5 h6 ul ol li dl ' +
    'dt dd table caption thead tbody tfoot tr th td colgroup col figure figcaption blockquote hr br ' +
    'form fieldset legend title meta link style details summary address svg'
  ).split(' '),
);

/**
 * Chromium leaves out of the tags and bookmarks the space at which a line wraps
 * ("Childrenand Young People's"), unless the space is kept (`white-space: pre-wrap`), which
 * in turn would print the template's own line breaks and indents. So the text's white space is
 * collapsed as a browser would (outside pre, textarea, script and style), the spaces beside
 * block elements' tags dropped, and then every element keeps its spaces (a rule of no
 * specificity: a class that asks for `nowrap` still has it).
 */
export function keepSpacesAtWraps(html: string): string {
  const tokens =
    html.match(/<(pre|textarea|script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/gi) ?? [];
  const isBlockTag = (token: string | undefined) => {
    const tag = token?.match(/^<\/?([a-z0-9]+)/i)?.[1]?.toLowerCase();
    return tag !== undefined && blockTags.has(tag);
  };
  const out = tokens.map((token, index) => {
    if (token.startsWith('<')) return token;
    let text = token.replace(/[ \t\n\r\f]+/g, ' ');
    if (index === 0 || isBlockTag(tokens[index - 1])) text = text.replace(/^ /, '');
    if (index === tokens.length - 1 || isBlockTag(tokens[index + 1])) text = text.replace(/ $/, '');
    return text;
  });
  const rule =
    '<style>:where(body, body *:not(pre, textarea, svg, svg *)) { white-space: pre-wrap; }</style>';
  const joined = out.join('');
  return joined.includes('</head>') ? joined.replace('</head>', `${rule}</head>`) : rule + joined;
}

export interface PrintOptions {
  /** The document's title (its metadata, the window's title bar and the footer). */
  title: string;
  /** "Title: page n of N" at the foot of every page (default); the board pack numbers its own. */
  footer?: boolean;
  /** Tagged, with bookmarks from the headings (default); the pack's page-number stamps are not. */
  tagged?: boolean;
  /** No margins (the pack's page-number stamps). */
  bleed?: boolean;
}

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class PdfUnavailable extends Error {}

/** Asked to print after the server began to stop: the job fails and runs again after a restart. */
export class PrinterClosed extends Error {}

export class PdfPrinter {
  readonly executablePath: string | undefined;
  #browser: Promise<Browser> | undefined;
  #closed = false;

  constructor(executablePath?: string) {
    this.executablePath = executablePath ?? candidates.find((path) => existsSync(path));
  }

  get available(): boolean {
    return Boolean(this.executablePath && existsSync(this.executablePath));
  }

  async print(html: string, options: PrintOptions): Promise<Buffer> {
    if (!this.available)
      throw new PdfUnavailable('PDF documents need Chromium, which is not installed on this server.');
    // a job still running when the server stops must not start a browser nobody will close
    if (this.#closed) throw new PrinterClosed('The server is stopping: nothing more is printed.');
    // Playwright is loaded with the first print, not with the server: most processes never print
    this.#browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: this.executablePath, args: flags }),
    );
    const browser = await this.#browser;
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const tagged = options.tagged ?? true;
      await page.setContent(tagged ? keepSpacesAtWraps(html) : html, { waitUntil: 'load' });
      const printed = await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged,
        outline: tagged,
        displayHeaderFooter: options.footer ?? true,
        headerTemplate: '<div></div>',
        footerTemplate: `<div style="font: 9px arial, sans-serif; width: 100%; text-align: center;">${escapeHtml(options.title)}: page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: options.bleed
          ? { top: '0', bottom: '0', left: '0', right: '0' }
          : { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
      });
      if (!tagged) return printed;
      // en-GB, the title in the window, a role map for Chromium's Strong and Em (ADR 0047)
      const pdf = await PDFDocument.load(printed, { updateMetadata: false });
      finishTagged(pdf, { title: options.title });
      return Buffer.from(await pdf.save());
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser).close().catch(() => undefined);
  }
}
