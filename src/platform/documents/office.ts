// Word, OpenDocument and PowerPoint files converted to tagged PDF by LibreOffice, when it is
// installed (Debian: libreoffice-writer-nogui, libreoffice-impress-nogui; ADR 0047). One
// conversion at a time (LibreOffice is one process per profile and uses a core fully), each with
// a time limit after which its whole process group is killed, in a profile of this process's own
// (never the user's), so that a server's conversions share nothing with anyone's desktop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const candidates = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

/** The kinds of file LibreOffice turns into a PDF here, by media type: their extension and export filter. */
const convertible: Record<string, { extension: string; filter: string }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    filter: 'writer_pdf_Export',
  },
  'application/msword': { extension: 'doc', filter: 'writer_pdf_Export' },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', filter: 'writer_pdf_Export' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extension: 'pptx',
    filter: 'impress_pdf_Export',
  },
  'application/vnd.ms-powerpoint': { extension: 'ppt', filter: 'impress_pdf_Export' },
  'application/vnd.oasis.opendocument.presentation': { extension: 'odp', filter: 'impress_pdf_Export' },
};

/** Whether a paper of this media type is one LibreOffice converts (Word, OpenDocument text, PowerPoint). */
export const isOfficeDocument = (mediaType: string) => mediaType in convertible;

export class OfficeUnavailable extends Error {}

export class OfficeConverter {
  readonly executablePath: string | undefined;
  readonly timeoutMs: number;
  #queue: Promise<unknown> = Promise.resolve();
  #profile: Promise<string> | undefined;

  /** `executablePath` (SOFFICE_PATH): a path where nothing is installed turns conversion off. */
  constructor(executablePath?: string, options: { timeoutMs?: number } = {}) {
    this.executablePath = executablePath ?? candidates.find((path) => existsSync(path));
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  get available(): boolean {
    return Boolean(this.executablePath && existsSync(this.executablePath));
  }

  /** The file as a tagged PDF with its fonts embedded; conversions wait for each other. */
  toPdf(content: Buffer | Uint8Array, mediaType: string): Promise<Buffer> {
    const run = this.#queue.then(() => this.#convert(content, mediaType));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Converts a file to another format LibreOffice writes (tests: a Word file opens). */
  convertTo(content: Buffer | Uint8Array, extension: string, format: string): Promise<Buffer> {
    const run = this.#queue.then(() => this.#run(content, extension, format));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #convert(content: Buffer | Uint8Array, mediaType: string): Promise<Buffer> {
    const kind = convertible[mediaType];
    if (!kind) throw new Error(`LibreOffice does not convert ${mediaType} here`);
    // tagged, every font embedded (LibreOffice embeds them always), bookmarks from headings
    const options = JSON.stringify({
      UseTaggedPDF: { type: 'boolean', value: 'true' },
      ExportBookmarks: { type: 'boolean', value: 'true' },
    });
    return this.#run(content, kind.extension, `pdf:${kind.filter}:${options}`);
  }

  async #run(content: Buffer | Uint8Array, extension: string, format: string): Promise<Buffer> {
    if (!this.available)
      throw new OfficeUnavailable(
        'Converting documents needs LibreOffice, which is not installed on this server.',
      );
    this.#profile ??= mkdtemp(join(tmpdir(), 'cooperate-office-profile-'));
    const profile = await this.#profile;
    const dir = await mkdtemp(join(tmpdir(), 'cooperate-office-'));
    try {
      const input = join(dir, `paper.${extension}`);
      await writeFile(input, content);
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--invisible',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        '--convert-to',
        format,
        '--outdir',
        dir,
        input,
      ];
      await new Promise<void>((done, fail) => {
        const child = spawn(this.executablePath!, args, {
          detached: true,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let errors = '';
        child.stderr.on('data', (chunk: Buffer) => {
          errors += chunk.toString().slice(0, 2000);
        });
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
          fail(new Error(`LibreOffice took longer than ${Math.round(this.timeoutMs / 1000)} seconds`));
        }, this.timeoutMs);
        child.on('error', (error) => {
          clearTimeout(timer);
          fail(error);
        });
        child.on('exit', (code) => {
          clearTimeout(timer);
          if (code === 0) done();
          else fail(new Error(`LibreOffice could not convert the file (${errors.trim() || `exit ${code}`})`));
        });
      });
      const output = join(dir, `paper.${format.split(':')[0]}`);
      if (!existsSync(output)) throw new Error('LibreOffice could not convert the file');
      return await readFile(output);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Removes this converter's profile (a process that stops). */
  async close(): Promise<void> {
    const profile = this.#profile;
    this.#profile = undefined;
    if (profile) await rm(await profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
