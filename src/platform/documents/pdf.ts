// Accessible PDFs: an HTML print template printed by Chromium, tagged, with bookmarks from its
// headings and numbered pages. One browser per process, started on first use and kept warm.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { escapeHtml } from '../views/html-text.ts';

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

export class PdfPrinter {
  readonly executablePath: string | undefined;
  #browser: Promise<Browser> | undefined;

  constructor(executablePath?: string) {
    this.executablePath = executablePath ?? candidates.find((path) => existsSync(path));
  }

  get available(): boolean {
    return Boolean(this.executablePath && existsSync(this.executablePath));
  }

  async print(html: string, options: { title: string }): Promise<Buffer> {
    if (!this.available)
      throw new PdfUnavailable('PDF documents need Chromium, which is not installed on this server.');
    this.#browser ??= chromium.launch({ executablePath: this.executablePath, args: flags });
    const browser = await this.#browser;
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: `<div style="font: 9px arial, sans-serif; width: 100%; text-align: center;">${escapeHtml(options.title)}: page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser).close().catch(() => undefined);
  }
}
