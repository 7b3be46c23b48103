import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import request from 'supertest';
import * as cheerio from 'cheerio';
import { createViews } from '../views/nunjucks.ts';
import { createLogger } from './logging.ts';
import { badRequest, errorHandler, forbidden } from './errors.ts';

function appThatFails(error: unknown) {
  const app = express();
  createViews(app, { cache: true });
  app.get(['/page', '/api/thing'], () => {
    throw error;
  });
  app.use(errorHandler(createLogger('silent')));
  return app;
}

describe('the error responder', () => {
  it('shows a GOV.UK page for an unexpected error, without its details', async () => {
    const response = await request(appThatFails(new Error('database password is hunter2'))).get('/page');
    assert.equal(response.status, 500);
    const page = cheerio.load(response.text);
    assert.equal(page('h1').text().trim(), 'Sorry, there is a problem with the service');
    assert.doesNotMatch(response.text, /hunter2/);
  });

  it('answers the API with a problem document listing every problem', async () => {
    const response = await request(
      appThatFails(badRequest('The query is not valid.', [{ path: 'at', message: 'Enter a date' }])),
    ).get('/api/thing');
    assert.equal(response.status, 400);
    assert.match(response.headers['content-type']!, /application\/problem\+json/);
    assert.deepEqual(response.body, {
      type: 'about:blank',
      title: 'There is a problem',
      status: 400,
      detail: 'The query is not valid.',
      errors: [{ path: 'at', message: 'Enter a date' }],
    });
  });

  it('says 403 plainly', async () => {
    const response = await request(appThatFails(forbidden())).get('/page');
    assert.equal(response.status, 403);
    assert.match(cheerio.load(response.text)('main').text(), /Ask an administrator of your partnership/);
  });

  it('reads a CSRF failure as an expired form', async () => {
    const response = await request(
      appThatFails(Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN' })),
    ).get('/page');
    assert.equal(response.status, 403);
    assert.match(response.text, /Your form has expired/);
  });
});
