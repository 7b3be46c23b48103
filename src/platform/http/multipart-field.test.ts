import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import express from 'express';
import multer from 'multer';
import request from 'supertest';
import { boundaryOf, fieldBeforeFiles, readFieldBeforeFiles } from './multipart-field.ts';

const body = (boundary: string, parts: string[]) =>
  Buffer.from(`${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`, 'latin1');
const field = (name: string, value: string) =>
  `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
const file = (name: string, content: string) =>
  `Content-Disposition: form-data; name="${name}"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${content}`;

describe('a multipart field before the files', () => {
  it('is found among the fields before the first file', () => {
    const b = 'XyZ';
    assert.deepEqual(fieldBeforeFiles(body(b, [field('_csrf', 'tok-1'), file('file', 'a,b')]), b, '_csrf'), {
      value: 'tok-1',
    });
    assert.deepEqual(
      fieldBeforeFiles(
        body(b, [field('title', 'x'), field('_csrf', 'tok-2'), file('file', 'a')]),
        b,
        '_csrf',
      ),
      { value: 'tok-2' },
    );
  });

  it('is not found after a file, nor when missing', () => {
    const b = 'XyZ';
    assert.deepEqual(fieldBeforeFiles(body(b, [file('file', 'a'), field('_csrf', 'tok')]), b, '_csrf'), {
      value: undefined,
    });
    assert.deepEqual(fieldBeforeFiles(body(b, [field('title', 'x')]), b, '_csrf'), { value: undefined });
  });

  it('asks for more of the body while a part is incomplete', () => {
    const b = 'XyZ';
    const whole = body(b, [field('_csrf', 'token-value'), file('file', 'a')]);
    for (const cut of [0, 4, 20, whole.indexOf('token-value') + 5])
      assert.equal(fieldBeforeFiles(whole.subarray(0, cut), b, '_csrf'), 'more', `cut at ${cut}`);
  });

  it('reads the boundary, quoted or not', () => {
    assert.equal(boundaryOf('multipart/form-data; boundary=----abc123'), '----abc123');
    assert.equal(boundaryOf('multipart/form-data; boundary="a b"; charset=utf-8'), 'a b');
    assert.equal(boundaryOf('application/json'), undefined);
  });

  it('is read from a request, which the upload parser then reads whole', async () => {
    const app = express();
    app.post('/upload', async (req, res, next) => {
      const token = await readFieldBeforeFiles(req, '_csrf', 4096);
      multer({ storage: multer.memoryStorage() }).single('file')(req, res, (error: unknown) => {
        if (error) return next(error);
        res.json({
          token,
          fields: req.body,
          size: req.file?.size,
          digest: req.file?.buffer.toString('base64'),
        });
      });
    });
    const content = randomBytes(300 * 1024); // many chunks, more than the limit
    const response = await request(app)
      .post('/upload')
      .field('_csrf', 'the-token')
      .field('title', 'Papers')
      .attach('file', content, 'paper.pdf');
    assert.equal(response.status, 200);
    assert.equal(response.body.token, 'the-token');
    assert.deepEqual({ ...response.body.fields }, { _csrf: 'the-token', title: 'Papers' });
    assert.equal(response.body.size, content.length);
    assert.equal(response.body.digest, content.toString('base64'));

    const late = await request(app)
      .post('/upload')
      .attach('file', content, 'paper.pdf')
      .field('_csrf', 'late');
    assert.equal(late.status, 200);
    assert.equal(late.body.token, undefined);
    assert.equal(late.body.size, content.length);
  });
});
