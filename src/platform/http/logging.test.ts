import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { requestLogging, withoutPathSecrets } from './logging.ts';

describe('request logs', () => {
  it('mask the secret of invitation and response links', () => {
    assert.equal(withoutPathSecrets('/join/dudley/inv_abc123'), '/join/dudley/[redacted]');
    assert.equal(withoutPathSecrets('/respond/kent/svy_abc-123?x=1'), '/respond/kent/[redacted]?x=1');
    assert.equal(withoutPathSecrets('/partnerships/kent/surveys'), '/partnerships/kent/surveys');
    assert.equal(withoutPathSecrets('/a/import?x=1&_csrf=abc%2Fdef'), '/a/import?x=1&_csrf=[redacted]');
    assert.equal(
      withoutPathSecrets('/sign-in/oidc/callback?code=abc-123&state=xyz'),
      '/sign-in/oidc/callback?code=[redacted]&state=xyz',
    );
  });

  it('never write a response link’s token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = express();
    app.use(requestLogging(pino({ level: 'info' }, sink)));
    app.get('/respond/:slug/:token', (_req, res) => {
      res.send('ok');
    });
    assert.equal((await request(app).get('/respond/kent/svy_the-secret-token')).status, 200);
    assert.ok(lines.length > 0);
    assert.ok(!lines.join('').includes('svy_the-secret-token'));
    assert.match(lines.join(''), /\/respond\/kent\/\[redacted\]/);
  });
});
