// The public site, its formats and the calendars (issue 17): a published partnership holding
// exempt items, draft minutes, a young person and an adult's e-mail address is walked through
// every public route and format, and none of them shows; an unpublished one answers 404.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import { $, binary, signedInAs, startTestApp, submit, type TestApp } from '../../../test/support/test-app.ts';
import { approvedQuote, item, populate, secrets, type Populated } from '../../../test/support/public-site.ts';
import { systemCaller } from '../../platform/http/auth.ts';

describe('the public site', () => {
  let test: TestApp;
  let open: Populated;
  let closed: Populated;

  before(async () => {
    test = await startTestApp();
    open = await populate(test, 'open', true);
    closed = await populate(test, 'closed', false);
  });
  after(() => test.close());

  /** Every public address of a partnership: its pages (followed by their links) and every format. */
  async function walk(slug: string, ids: Populated) {
    const seen = new Map<string, { status: number; body: string; headers: Record<string, string> }>();
    const queue = [
      `/public/${slug}`,
      `/public/${slug}/structure`,
      `/public/${slug}/bodies/board`,
      `/public/${slug}/meetings`,
      `/public/${slug}/search`,
      `/public/${slug}/search?q=plan`,
      `/public/${slug}/search?from=2009-01-01&to=2009-12-31&body=board`,
      // a search for each thing that must never be public
      ...Object.values(secrets).map((secret) => `/public/${slug}/search?q=${encodeURIComponent(secret)}`),
      `/public/${slug}/voice/${ids.voice}`,
      `/public/${slug}/meetings.csv`,
      `/public/${slug}/meetings/${ids.first}`,
      `/public/${slug}/meetings/${ids.second}`,
      `/public/${slug}/meetings/${ids.first}/items/${ids.exemptItem}/report`,
      `/public/${slug}/meetings/${ids.first}/items/${ids.publicItem}/report`,
      `/public/${slug}/meetings/${ids.first}/board-pack.pdf`,
      `/public/${slug}/consultations`,
      `/public/${slug}/plan`,
      `/public/${slug}/indicators`,
      `/public/${slug}/sitemap.xml`,
      `/public/${slug}/bodies/board/meetings.ics`,
      `/oparl/v1/system`,
      `/oparl/v1/bodies`,
      `/oparl/v1/bodies/${slug}`,
      ...[
        'organizations',
        'people',
        'memberships',
        'meetings',
        'agenda-items',
        'papers',
        'consultations',
        'files',
      ].map((kind) => `/oparl/v1/bodies/${slug}/${kind}`),
      `/popolo/v1/${slug}`,
      `/popolo/v1/${slug}?on=2009-02-01`,
    ];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const response = await test.request().get(path).buffer(true).parse(binary);
      const body = (response.body as Buffer).toString('latin1');
      seen.set(path, { status: response.status, body, headers: response.headers as Record<string, string> });
      if (response.status !== 200) continue;
      const type = String(response.headers['content-type']);
      const links = type.startsWith('text/html')
        ? $(body)('a[href]')
            .map((_, a) => $(body)(a).attr('href'))
            .get()
        : type.includes('json')
          ? [...body.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!)
          : [];
      for (const link of links) {
        const local = link.replace(/^https?:\/\/[^/]+/, '').replace(/#.*$/, '');
        if (
          (local.startsWith(`/public/${slug}`) || local.startsWith(`/oparl/v1/bodies/${slug}`)) &&
          !seen.has(local)
        )
          queue.push(local);
      }
    }
    return seen;
  }

  it('walks every public route and format of a published partnership and finds nothing private', async () => {
    const seen = await walk('open', open);
    assert.ok(seen.size > 40, `walked ${seen.size} addresses`);
    for (const [path, { status, body, headers }] of seen) {
      // a search's form shows the words asked for: the answer is what follows it
      const answer = path.includes('/search?') ? body.replace(/<form[\s\S]*?<\/form>/, '') : body;
      for (const secret of Object.values(secrets))
        assert.ok(!answer.includes(secret), `${path} shows ${secret}`);
      assert.equal(headers['set-cookie'], undefined, `${path} sets no cookie`);
      assert.ok([200, 404].includes(status), `${path} answered ${status}`);
    }
    // what is public is there
    assert.equal(seen.get('/public/open/meetings/' + open.first)!.status, 200);
    const meeting = seen.get('/public/open/meetings/' + open.first)!.body;
    assert.match(meeting, /Exempt item, paragraph 3/);
    assert.match(meeting, /The plan for 2009/);
    assert.match(meeting, /The board agreed the plan\./, 'approved minutes are shown');
    assert.match(meeting, /board-pack\.pdf/);
    assert.doesNotMatch(seen.get('/public/open/meetings/' + open.second)!.body, /Draft words/);
    assert.match(seen.get('/public/open/bodies/board')!.body, /Alice Adult/);
    assert.match(seen.get('/public/open/bodies/board')!.body, /A young person/);
    assert.equal(
      seen.get(`/public/open/meetings/${open.first}/items/${open.exemptItem}/report`)!.status,
      404,
    );
    const paper = [...seen.keys()].find((path) => path.includes('/papers/'));
    assert.ok(paper, 'a public paper was linked');
    assert.equal(seen.get(paper!)!.status, 200);
    const pack = seen.get(`/public/open/meetings/${open.first}/board-pack.pdf`)!;
    assert.equal(pack.status, 200);
    assert.match(seen.get('/public/open/search?q=plan')!.body, /January board/);
    assert.match(seen.get(`/public/open/voice/${open.voice}`)!.body, new RegExp(approvedQuote));
    assert.match(seen.get('/public/open')!.body, /Open Government Licence v3\.0/);
  });

  it('answers 404 throughout for an unpublished partnership, an exempt paper and a section made private', async () => {
    const seen = await walk('closed', closed);
    for (const [path, { status, body }] of seen) {
      if (path.startsWith('/oparl/v1/system') || path === '/oparl/v1/bodies') {
        assert.doesNotMatch(body, /closed/, `${path} does not list it`);
        continue;
      }
      assert.equal(status, 404, path);
      for (const secret of Object.values(secrets))
        assert.ok(!body.includes(secret), `${path} shows ${secret}`);
    }
    const exemptPaper = (await test.services.agenda.agenda(open.caller, open.first)).find(
      (i) => i.id === open.exemptItem,
    )!.papers[0]!;
    assert.equal(
      (await test.request().get(`/public/open/meetings/${open.first}/papers/${exemptPaper.id}`)).status,
      404,
    );
    // a meeting of another partnership named under this one's address
    assert.equal((await test.request().get(`/public/open/meetings/${closed.first}`)).status, 404);
    const { agent } = await signedInAs(test, open.partnership.id, 'admin');
    // the partnership's settings lead to the choice of sections
    for (const page of ['/partnerships/open', '/partnerships/open/edit'])
      assert.equal(
        $((await agent.get(page)).text)('main a[href="/partnerships/open/public-site"]').length,
        1,
        page,
      );
    const saved = await submit(agent, '/partnerships/open/public-site', {
      sections: ['structure', 'members'],
    });
    assert.equal(saved.status, 303);
    assert.equal((await test.request().get('/public/open/meetings')).status, 404);
    assert.equal((await test.request().get('/public/open/bodies/board/meetings.ics')).status, 404);
    assert.equal((await test.request().get('/public/open/structure')).status, 200);
    const refused = await submit(agent, '/partnerships/open/public-site', { sections: ['everything'] });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Select sections from the list/);
    await submit(agent, '/partnerships/open/public-site', {
      sections: ['structure', 'members', 'meetings', 'consultations', 'plans', 'indicators'],
    });
    assert.equal((await test.request().get('/public/open/meetings')).status, 200);
  });

  it('answers a conditional request with 304 until the data changes, and sets no cookie', async () => {
    const path = `/public/open/meetings/${open.first}`;
    const first = await test.request().get(path);
    assert.equal(first.status, 200);
    assert.ok(first.headers.etag);
    assert.ok(first.headers['last-modified']);
    assert.match(String(first.headers['cache-control']), /public, max-age=\d+/);
    assert.equal(first.headers['set-cookie'], undefined);
    const again = await test.request().get(path).set('If-None-Match', first.headers.etag!);
    assert.equal(again.status, 304);
    assert.equal(again.headers['set-cookie'], undefined);
    const since = await test.request().get(path).set('If-Modified-Since', first.headers['last-modified']!);
    assert.equal(since.status, 304);
    await test.services.agenda.addItem(open.caller, open.first, item(3, 'Any other business'));
    const changed = await test.request().get(path).set('If-None-Match', first.headers.etag!);
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, first.headers.etag);
    assert.match(changed.text, /Any other business/);
  });

  it('gives a body’s calendar that a real parser reads, with SEQUENCE growing and a cancelled meeting cancelled', async () => {
    const read = async () => {
      const response = await test.request().get('/public/open/bodies/board/meetings.ics');
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), /^text\/calendar/);
      return Object.values(ical.sync.parseICS(response.text)).filter((e) => e?.type === 'VEVENT') as VEvent[];
    };
    const before = (await read()).find((event) => event.uid === `${open.future}@cooperate`)!;
    assert.ok(before, 'the meeting to come is in the feed');
    assert.equal(before.status, 'CONFIRMED');
    assert.equal(before.end!.getTime() - before.start.getTime(), 2 * 60 * 60 * 1000, 'a default length');
    assert.ok(before.lastmodified instanceof Date);
    assert.match(JSON.stringify(before.url), /\/public\/open\/meetings\//);
    await test.services.meetings.update(open.caller, open.future, {
      title: 'Board to come',
      kind: 'board-meeting',
      bodyIds: [open.board.id],
      date: '2099-06-01',
      startTime: '11:00',
      state: 'cancelled',
    });
    const after = (await read()).find((event) => event.uid === `${open.future}@cooperate`)!;
    assert.ok(Number(after.sequence) > Number(before.sequence), 'SEQUENCE grew');
    assert.equal(after.status, 'CANCELLED');
  });

  it('gives each user a secret calendar address of their own meetings, revocable, and 404 once stopped', async () => {
    const { user, agent } = await signedInAs(test, open.partnership.id, 'member');
    // the member is the adult holding a seat (by e-mail address)
    await test.services.membership.updatePerson(
      open.caller,
      (await test.services.membership.people(open.caller)).find((p) => p.name === 'Alice Adult')!.id,
      {
        name: 'Alice Adult',
        jobTitle: null,
        email: user.email,
        phone: null,
        youngPerson: false,
        notes: null,
      },
    );
    const made = await submit(agent, '/account/calendar', {});
    assert.equal(made.status, 200);
    const address = $(made.text)('#calendar-address').text();
    const path = address.replace(/^https?:\/\/[^/]+/, '');
    assert.match(path, /^\/calendars\/cal_[\w-]+\.ics$/);
    const feed = await test.request().get(path);
    assert.equal(feed.status, 200);
    assert.equal(feed.headers['set-cookie'], undefined);
    const events = Object.values(ical.sync.parseICS(feed.text)).filter(
      (e) => e?.type === 'VEVENT',
    ) as VEvent[];
    assert.ok(events.some((event) => event.uid === `${open.first}@cooperate`));
    assert.match(JSON.stringify(events[0]!.url), /\/partnerships\/open\/meetings\//);
    assert.ok(!feed.text.includes('closed'), 'nothing of another partnership');
    const page = await agent.get('/account/calendar');
    assert.doesNotMatch(page.text, /cal_/, 'the address is shown once only');
    const stopped = await submit(agent, '/account/calendar/stop', {}, '/account/calendar');
    assert.equal(stopped.status, 303);
    assert.equal((await test.request().get(path)).status, 404);
    assert.equal((await test.request().get('/calendars/cal_not-a-real-address-at-all-0000.ics')).status, 404);
  });

  it('serves a paper, a report and a board pack to an API client with a bearer token, and refuses another partnership’s', async () => {
    const { user } = await signedInAs(test, open.partnership.id, 'viewer');
    const token = (await test.services.tokens.create(systemCaller('test'), user.id, 'files')).token;
    const api = await test
      .request()
      .get(`/api/v1/partnerships/open/meetings/${open.first}`)
      .set('Authorization', `Bearer ${token}`);
    assert.equal(api.status, 200);
    const paperHref = JSON.stringify(api.body).match(
      /"href":"(\/partnerships\/open\/meetings\/[^"]+\/papers\/[^"]+)"/,
    )?.[1];
    assert.ok(paperHref, 'the API gives a paper address');
    const get = (path: string, bearer = token) =>
      test.request().get(path).set('Authorization', `Bearer ${bearer}`).buffer(true).parse(binary);
    const paper = await get(paperHref!);
    assert.equal(paper.status, 200);
    assert.equal(paper.headers['content-type'], 'application/pdf');
    const reportFile = await get(
      `/partnerships/open/meetings/${open.first}/agenda/${open.publicItem}/report?format=docx`,
    );
    assert.equal(reportFile.status, 200);
    const pack = await get(`/partnerships/open/meetings/${open.first}/board-pack.pdf`);
    assert.equal(pack.status, 200);
    assert.equal(pack.headers['content-type'], 'application/pdf');
    // the viewer's token reaches nothing of another partnership, nor an exempt item's report
    assert.equal((await get(`/partnerships/closed/meetings/${closed.first}/board-pack.pdf`)).status, 404);
    assert.equal(
      (await get(`/partnerships/open/meetings/${open.first}/agenda/${open.exemptItem}/report?format=docx`))
        .status,
      404,
    );
    const bad = await get(paperHref!, 'not-a-token');
    assert.notEqual(bad.status, 200);
  });
  it('searches the public meetings and papers by words, dates and body, and finds nothing that is not public', async () => {
    const search = async (query: string, status = 200) => {
      const response = await test.request().get(`/public/open/search${query}`);
      assert.equal(response.status, status, query);
      for (const secret of Object.values(secrets))
        assert.ok(!response.text.includes(secret), `${query} shows ${secret}`);
      assert.equal(response.headers['set-cookie'], undefined);
      return response.text;
    };
    const texts = (html: string, selector: string) =>
      $(html)(selector)
        .map((_, element) => $(html)(element).text().replace(/\s+/g, ' ').trim())
        .get();
    const titles = (html: string) => texts(html, '#results h3');

    // words, stemmed ("plans" finds "plan"), in every part of a meeting its public page shows
    const plan = await search('?q=plans');
    assert.deepEqual(titles(plan), ['January board']);
    assert.deepEqual(texts(plan, '#results li li'), [
      'Agenda item 1: The plan for 2009',
      'Paper for item 1: plan-2009.pdf',
      'Report for item 1: Report on the plan',
      'Decision on item 1: The board adopted the plan for 2009.',
      'Minutes of item 1: The board agreed the plan.',
    ]);
    assert.match(plan, /1 meeting found/);
    const paper = $(plan)('#results a[href*="/papers/"]').attr('href')!;
    assert.equal((await test.request().get(paper)).status, 200, 'the paper found opens');
    // part of a word; an item of a meeting whose minutes are drafts, without its minutes or decision
    assert.deepEqual(titles(await search('?q=budg')), ['March board']);
    assert.deepEqual(texts(await search('?q=Budget'), '#results li li'), ['Agenda item 1: Budget']);
    // exempt items, their papers, reports, minutes and decisions; draft minutes and decisions
    for (const words of ['Acme', 'contract', 'private', 'Draft words', 'frozen', 'Youngperson']) {
      const none = await search(`?q=${encodeURIComponent(words)}`);
      assert.deepEqual(titles(none), [], words);
      assert.match(none, /No meetings found/, words);
    }
    assert.deepEqual(titles(await search('?q=100%25_%5C')), [], 'wildcards are taken literally');
    // dates and body
    assert.deepEqual(titles(await search('?from=2009-03-01&to=2009-03-31')), ['March board']);
    assert.deepEqual(titles(await search('?q=board&to=2009-02-01')), ['January board']);
    const all = ['Board to come', 'March board', 'January board'];
    assert.deepEqual(titles(await search('')), all, 'every meeting, the latest first');
    assert.deepEqual(titles(await search('?q=&from=&to=&body=board')), all);
    // bad input: a GOV.UK error, nothing found
    const backwards = await search('?from=2009-04-01&to=2009-03-01', 400);
    assert.match(backwards, /There is a problem/);
    assert.match(backwards, /The date to search to must be the same as or after the date to search from/);
    assert.deepEqual(titles(backwards), []);
    assert.match(await search('?from=2009-02-30', 400), /Enter a real date/);
    assert.match(await search('?body=nowhere', 400), /Select a body from the list/);
    assert.match(await search(`?q=${'a'.repeat(201)}`, 400), /Enter 200 characters or fewer/);
    for (const page of ['0', 'x', '2']) await search(`?page=${page}`, 404);
    // the old search's addresses lead to the search
    const old = await test.request().get('/public/open/meetings?q=plan&from=2009-01-01');
    assert.equal(old.status, 301);
    assert.equal(old.headers.location, '/public/open/search?q=plan&from=2009-01-01');
    assert.equal((await test.request().get('/public/closed/search?q=plan')).status, 404);

    // ten meetings a page, the latest first, GOV.UK pagination keeping the question
    for (let day = 1; day <= 11; day++)
      await test.services.meetings.create(open.caller, {
        title: `Extra meeting ${day}`,
        kind: 'board-meeting',
        bodyIds: [open.board.id],
        date: `2010-01-${String(day).padStart(2, '0')}`,
        startTime: '10:00',
        state: 'held',
      });
    const first = await search('?q=extra&body=board');
    assert.match(first, /11 meetings found: page 1 of 2/);
    assert.equal(titles(first).length, 10);
    assert.equal(titles(first)[0], 'Extra meeting 11');
    const next = $(first)('.govuk-pagination__next a').attr('href');
    assert.equal(next, '/public/open/search?q=extra&body=board&page=2');
    const second = await search('?q=extra&body=board&page=2');
    assert.deepEqual(titles(second), ['Extra meeting 1']);
    assert.match(second, /Search meetings and papers \(page 2 of 2\)/, 'the page title says which page');
    await search('?q=extra&page=3', 404);
  });
});
