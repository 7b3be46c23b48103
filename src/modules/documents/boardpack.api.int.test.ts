import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import {
  binary,
  makePartnership,
  signedInAs,
  startTestApp,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { makeBoardMeeting } from '../../../test/support/meetings.ts';

const item = (number: number, title: string) => ({
  number,
  title,
  purpose: 'decision' as const,
  presenter: null,
  exempt: false,
  exemptParagraph: null,
  exemptReason: null,
});

describe('the board pack in the meeting API', () => {
  let test: TestApp;
  let caller: Caller;
  let meetingId: string;
  let token: string;
  let viewer: Awaited<ReturnType<typeof signedInAs>>['agent'];
  const packOf = async () => {
    const response = await test
      .request()
      .get(`/api/v1/partnerships/notts/meetings/${meetingId}`)
      .set('Authorization', `Bearer ${token}`);
    assert.equal(response.status, 200);
    return response.body.boardPack as Record<string, unknown>;
  };

  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    meetingId = (await makeBoardMeeting(test.services, caller, { state: 'scheduled' })).meetingId;
    const document = await PDFDocument.create();
    document.addPage().drawText('budget');
    await test.services.agenda.addItem(caller, meetingId, item(1, 'Budget'), {
      fileName: 'budget.pdf',
      content: Buffer.from(await document.save()),
    });
    const signed = await signedInAs(test, partnershipId, 'viewer');
    viewer = signed.agent;
    token = (await test.services.tokens.create(systemCaller('test'), signed.user.id, 'pack')).token;
  });
  after(() => test.close());

  it('says there is none before one is asked for', async () => {
    assert.deepEqual(await packOf(), { state: 'none', href: null });
  });

  it('gives the progress of a pack being made', async () => {
    await test.db.transaction({ partnershipId: caller.partnershipId }, (trx) =>
      trx
        .insertInto('board_packs')
        .values({
          partnership_id: caller.partnershipId!,
          meeting_id: meetingId,
          state: 'working',
          done: 1,
          total: 3,
        })
        .execute(),
    );
    assert.deepEqual(await packOf(), {
      state: 'working',
      done: 1,
      total: 3,
      failure: null,
      outOfDate: false,
      madeAt: null,
      pageCount: null,
      href: null,
    });
    await test.services.boardPacks.idle();
  });

  it('gives when a ready pack was made and where to download it', async () => {
    await test.services.boardPacks.request(caller, meetingId);
    await test.services.boardPacks.idle();
    const pack = await packOf();
    assert.equal(pack.state, 'ready');
    assert.equal(pack.failure, null);
    assert.ok(Math.abs(Date.parse(String(pack.madeAt)) - Date.now()) < 60_000, 'made just now');
    assert.ok(Number(pack.pageCount) >= 2);
    assert.equal(pack.href, `/partnerships/notts/meetings/${meetingId}/board-pack.pdf`);
    const file = await viewer.get(String(pack.href)).buffer(true).parse(binary);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal((await PDFDocument.load(file.body as Buffer)).getPageCount(), pack.pageCount);
  });

  it('gives the reason a pack failed', async () => {
    await test.services.agenda.addItem(caller, meetingId, item(2, 'Broken'), {
      fileName: 'broken.pdf',
      content: Buffer.from('%PDF-1.4\nnot really a pdf\n'),
    });
    await test.services.boardPacks.idle();
    const pack = await packOf();
    assert.equal(pack.state, 'failed');
    assert.match(String(pack.failure), /could not be read as a PDF/);
  });
});
