// Static assets: GOV.UK Frontend's images and script, and one stylesheet compiled from its
// Sass with Arial instead of the GOV.UK typeface (this is not a GOV.UK service). The
// stylesheet is compiled on first request and kept in memory, and kept on disk for the next
// process (compiling takes two seconds of a core; each test file is a process, and so is
// each instance of the server).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { govukDir } from './nunjucks.ts';
import { narrowCss } from './html-text.ts';

const stylesheet = fileURLToPath(new URL('../../views/styles/application.scss', import.meta.url));
const favicon = fileURLToPath(new URL('../../views/favicon.svg', import.meta.url));
const nodeModules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

let compiled: Promise<string> | undefined;

/**
 * Where the compiled stylesheet is kept between processes: beside the installed packages (as
 * other tools keep theirs, in node_modules/.cache), named by a digest of everything it is made
 * from, the service's Sass and the versions of GOV.UK Frontend and of the compiler, so that a
 * change to any of them compiles it anew.
 */
function keptStylesheet(): string {
  const digest = createHash('sha256').update(readFileSync(stylesheet));
  for (const name of ['govuk-frontend', 'sass'])
    digest.update(
      `${name}@${JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')).version}`,
    );
  return join(nodeModules, '.cache', 'cooperate', `application-${digest.digest('hex').slice(0, 24)}.css`);
}

async function compile(): Promise<string> {
  const sass = await import('sass');
  return sass.compile(stylesheet, {
    loadPaths: [nodeModules],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  }).css;
}

export async function compileStylesheet(): Promise<string> {
  compiled ??= (async () => {
    const kept = keptStylesheet();
    try {
      return readFileSync(kept, 'utf8');
    } catch {
      // not compiled yet by any process
    }
    const css = await compile();
    try {
      // whole or not at all: written beside, then renamed over (two processes may race)
      mkdirSync(join(kept, '..'), { recursive: true });
      const partial = `${kept}.${process.pid}`;
      writeFileSync(partial, css);
      renameSync(partial, kept);
    } catch {
      // a read-only installation compiles once a process
    }
    return css;
  })();
  return compiled;
}

let inline: Promise<string> | undefined;

/** The stylesheet for a `<style>` element of a printed document (one byte a character). */
export async function inlineStylesheet(): Promise<string> {
  inline ??= compileStylesheet().then(narrowCss);
  return inline;
}

export function assetRoutes(): Router {
  const router = Router();
  const cache = { maxAge: '1d', immutable: false };
  router.get('/assets/application.css', async (_req, res, next) => {
    try {
      res
        .type('text/css')
        .set('Cache-Control', 'public, max-age=86400')
        .send(await compileStylesheet());
    } catch (error) {
      next(error);
    }
  });
  router.get('/assets/govuk-frontend.min.js', (_req, res) => {
    res.sendFile(`${govukDir}govuk/govuk-frontend.min.js`, cache);
  });
  // The service's icon, linked from every page; also where browsers look for one unasked.
  router.get(['/assets/favicon.svg', '/favicon.ico'], (_req, res) => {
    res.type('image/svg+xml').sendFile(favicon, cache);
  });
  router.use('/assets', express.static(`${govukDir}govuk/assets`, cache));
  return router;
}
