// Static assets: GOV.UK Frontend's images and script, and one stylesheet compiled from its
// Sass with Arial instead of the GOV.UK typeface (this is not a GOV.UK service). The
// stylesheet is compiled on first request and kept in memory.
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { govukDir } from './nunjucks.ts';
import { narrowCss } from './html-text.ts';

const stylesheet = fileURLToPath(new URL('../../views/styles/application.scss', import.meta.url));
const favicon = fileURLToPath(new URL('../../views/favicon.svg', import.meta.url));
const nodeModules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

let compiled: Promise<string> | undefined;

export async function compileStylesheet(): Promise<string> {
  compiled ??= import('sass').then(
    (sass) =>
      sass.compile(stylesheet, {
        loadPaths: [nodeModules],
        style: 'compressed',
        quietDeps: true,
        silenceDeprecations: ['import'],
      }).css,
  );
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
