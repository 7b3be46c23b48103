// No lost updates and invariants held under concurrency (issue 20, items 1 and 2; ADR 0044), on
// either engine. On PostgreSQL this file's app has a pool of ten connections, so the requests
// sent at once really run at once; the embedded database runs one transaction at a time.
// What the issue found: two editors of one meeting lost a change (5 of 5 rounds); twenty
// simultaneous appointments put 4 people in a one-place seat; fifty agenda items with one
// number gave six 500s; fifty identical creates made fifty meetings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';
import {
  $,
  csrfTokenIn,
  grant,
  makePartnership,
  makeUser,
  pageText,
  signIn,
  startTestApp,
  type Agent,
  type TestApp,
} from './support/test-app.ts';

type Fields = Record<string, string | string[]>;

/** A page's first POST form's fields as a browser would send them (the button aside). */
function formOf(html: string): Fields {
  const page = $(html);
  const fields: Record<string, string[]> = {};
  const add = (name: string, value: string) => (fields[name] ??= []).push(value);
  page('main form[method=post]')
    .first()
    .find('input, textarea, select')
    .each((_, element) => {
      const field = page(element);
      const name = field.attr('name');
      if (!name) return;
      const type = (field.attr('type') ?? 'text').toLowerCase();
      if (element.tagName === 'select') {
        const chosen = field.find('option[selected]').first();
        add(name, (chosen.length ? chosen : field.find('option').first()).attr('value') ?? '');
      } else if (element.tagName === 'textarea') add(name, field.text());
      else if (type === 'checkbox' || type === 'radio') {
        if (field.is('[checked]')) add(name, field.attr('value') ?? 'on');
      } else if (type !== 'submit' && type !== 'file') add(name, field.attr('value') ?? '');
    });
  return Object.fromEntries(
    Object.entries(fields).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]),
  );
}

const statuses = (responses: { status: number }[]) =>
  responses.map((response) => response.status).sort((a, b) => a - b);
const counted = (list: number[]) =>
  Object.fromEntries([...new Set(list)].map((status) => [status, list.filter((s) => s === status).length]));

describe('concurrent writes: no lost updates, no broken invariants, no 5xx', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let ann: Agent;
  let bob: Agent;
  /** How the audit trail names Ann and Bob (their e-mail addresses). */
  const label: Record<'ann' | 'bob', string> = { ann: '', bob: '' };
  const base = '/partnerships/notts';
  const ids: Record<string, string> = {};

  const editor = async (name: string) => {
    const user = await makeUser(test.services, { name });
    await grant(test.services, partnershipId, user.id, 'editor');
    const agent = test.agent();
    await signIn(agent, user.email, user.password);
    return { agent, label: user.email };
  };

  before(async () => {
    test = await startTestApp({ DATABASE_POOL_SIZE: '10' });
    partnershipId = (await makePartnership(test.services, 'notts', 'E10000024')).id;
    caller = systemCaller('test', partnershipId);
    ({ agent: ann, label: label.ann } = await editor('Ann Editor'));
    ({ agent: bob, label: label.bob } = await editor('Bob Editor'));
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Children’s Trust Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    ids.board = board.id;
    ids.meeting = await test.services.meetings.create(caller, {
      title: 'Children’s Trust Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2009-01-21',
      startTime: '10:00',
      state: 'held',
    });
    ids.organisation = await test.services.membership.addOrganisation(caller, {
      name: 'Nottinghamshire County Council',
      sector: 'local-authority',
      category: null,
      notes: null,
    });
    ids.person = await test.services.membership.addPerson(caller, {
      name: 'Pat Lead',
      jobTitle: 'Director of Children’s Services',
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    const seat = (label: string, capacity: number) =>
      test.services.membership.addSeat(caller, board.id, {
        label,
        role: 'member',
        voting: true,
        howFilled: 'nominated',
        category: null,
        capacity,
      });
    ids.seat = await seat('Primary Care Trust', 1);
    ids.threePlaces = await seat('Elected members', 3);
    await test.services.plans.create(caller, {
      slug: 'cypp',
      title: 'Children and Young People’s Plan 2009-2011',
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'draft',
      resourcing: null,
    });
    const outcomes = (await test.services.plans.bySlug(caller, 'cypp'))!.outcomes;
    ids.priority = await test.services.plans.addPriority(caller, 'cypp', {
      title: 'Reduce the number of young people not in education, employment or training',
      ownerBodyId: board.id,
      outcomeIds: [outcomes[4]!.id],
      indicatorIds: [],
    });
    ids.action = await test.services.plans.addAction(caller, 'cypp', ids.priority, {
      text: 'Track every 16-18 year old',
      leadKind: 'organisation',
      leadId: ids.organisation,
      partnerIds: [],
      dueOn: '2010-03-31',
      status: 'in progress',
    });
    await test.services.indicators.createLocal(caller, {
      code: 'LOCAL 1',
      title: 'Young people attending a youth centre each week',
      definition: 'Young people attending a youth centre each week.',
      unit: 'number',
      polarity: 'higher',
      frequency: 'financial year',
      source: 'Youth service records',
    });
  });
  after(() => test.close());

  it('refuses the second of two editors’ saves when it is stale, naming who changed it, on every edit form', async () => {
    const forms = [
      { path: `${base}/meetings/${ids.meeting}/edit`, what: 'this meeting', first: 'title', second: 'notes' },
      { path: `${base}/bodies/board/edit`, what: 'this body', first: 'purpose', second: 'area' },
      {
        path: `${base}/bodies/board/seats/${ids.seat}/edit`,
        what: 'this seat',
        first: 'filledBy',
        second: 'notes',
      },
      { path: `${base}/people/${ids.person}/edit`, what: 'this person', first: 'jobTitle', second: 'notes' },
      {
        path: `${base}/organisations/${ids.organisation}/edit`,
        what: 'this organisation',
        first: 'notes',
        second: 'name',
      },
      {
        path: `${base}/plans/cypp/priorities/${ids.priority}/edit`,
        what: 'this priority',
        first: 'description',
        second: 'title',
      },
      {
        path: `${base}/plans/cypp/actions/${ids.action}/edit`,
        what: 'this action',
        first: 'text',
        second: 'text',
      },
      {
        path: `${base}/indicators/LOCAL%201/edit`,
        what: 'this indicator',
        first: 'definition',
        second: 'source',
      },
    ];
    let lost = 0;
    for (const form of forms) {
      const [annForm, bobForm] = [
        formOf((await ann.get(form.path)).text),
        formOf((await bob.get(form.path)).text),
      ];
      assert.match(String(annForm.version), /^\d+$/, `${form.path} carries the version it shows`);
      const annSays = `Ann’s ${form.first}`;
      const saved = await ann
        .post(form.path)
        .type('form')
        .send({ ...annForm, [form.first]: annSays });
      assert.equal(saved.status, 303, `${form.path}: the first save`);
      const stale = await bob
        .post(form.path)
        .type('form')
        .send({ ...bobForm, [form.second]: 'Bob’s change' });
      assert.equal(stale.status, 409, `${form.path}: the stale save is refused`);
      const text = pageText(stale.text);
      assert.match(
        text,
        new RegExp(`${label.ann.replaceAll('.', '\\.')} changed ${form.what} on \\d+ \\w+ \\d{4} at`),
        form.path,
      );
      const theirs = $(stale.text)('#conflict').text();
      assert.ok(
        theirs.includes(annSays),
        `${form.path}: their version is shown beside Bob’s answers (${theirs})`,
      );
      const now = formOf((await ann.get(form.path)).text);
      if (now[form.first] !== annSays) lost += 1;
      assert.notEqual(
        now[form.second],
        'Bob’s change',
        `${form.path}: nothing of the stale save was written`,
      );
      // the conflict page carries the current version: saving again is Bob's considered choice
      const again = await bob.post(form.path).type('form').send(formOf(stale.text));
      assert.equal(again.status, 303, `${form.path}: saved again from the conflict page`);
    }
    console.log(`stale saves refused on ${forms.length} edit forms; lost updates: ${lost}`);
    assert.equal(lost, 0);
    // the audit trail's "before" of Bob's save is the row as Ann left it (read under the lock)
    const last = await test.db.owner
      .selectFrom('audit_events')
      .select(['before', 'actor_label'])
      .where('entity_type', '=', 'meeting')
      .where('entity_id', '=', ids.meeting!)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(last.actor_label, label.bob);
    assert.equal((last.before as { title: string }).title, 'Ann’s title');
  });

  it('keeps one of two saves made at the same moment and refuses the other, five rounds in five', async () => {
    const path = `${base}/meetings/${ids.meeting}/edit`;
    let lost = 0;
    for (let round = 1; round <= 5; round++) {
      const [annForm, bobForm] = [formOf((await ann.get(path)).text), formOf((await bob.get(path)).text)];
      const answers = await Promise.all([
        ann
          .post(path)
          .type('form')
          .send({ ...annForm, title: `Ann’s title ${round}` }),
        bob
          .post(path)
          .type('form')
          .send({ ...bobForm, notes: `Bob’s notes ${round}` }),
      ]);
      assert.deepEqual(statuses(answers), [303, 409], `round ${round}`);
      const meeting = await test.services.meetings.get(caller, ids.meeting!);
      const annWon = answers[0]!.status === 303;
      if (annWon ? meeting.title !== `Ann’s title ${round}` : meeting.notes !== `Bob’s notes ${round}`)
        lost += 1;
    }
    console.log(`simultaneous saves of one meeting, 5 rounds: lost updates ${lost}`);
    assert.equal(lost, 0);
  });

  it('fills a one-place seat once from twenty simultaneous appointments, and a person once a seat', async () => {
    const people: string[] = [];
    for (let n = 1; n <= 20; n++)
      people.push(
        await test.services.membership.addPerson(caller, {
          name: `Candidate ${n}`,
          jobTitle: null,
          email: null,
          phone: null,
          youngPerson: false,
          notes: null,
        }),
      );
    const appoint = async (seatId: string, personIds: string[]) => {
      const path = `${base}/bodies/board/seats/${seatId}/appoint`;
      const csrf = csrfTokenIn((await ann.get(path)).text);
      return Promise.all(
        personIds.map((personId) =>
          ann.post(path).type('form').send({
            _csrf: csrf,
            personId,
            'startsOn-day': '1',
            'startsOn-month': '4',
            'startsOn-year': '2009',
          }),
        ),
      );
    };
    const holders = async (seatId: string) =>
      (await test.services.membership.memberships(caller, { bodyId: ids.board! })).filter(
        (held) => held.seatId === seatId,
      );

    const many = await appoint(ids.seat!, people);
    const manyCounts = counted(statuses(many));
    console.log(`20 appointments at once to a one-place seat: ${JSON.stringify(manyCounts)}`);
    assert.deepEqual(manyCounts, { 303: 1, 400: 19 });
    assert.ok(many.filter((r) => r.status === 400).every((r) => /is already held by/.test(pageText(r.text))));
    assert.equal((await holders(ids.seat!)).length, 1, 'over-filled seats: 0');

    const same = await appoint(
      ids.threePlaces!,
      Array.from({ length: 20 }, () => people[0]!),
    );
    const sameCounts = counted(statuses(same));
    console.log(`20 appointments at once of one person to a three-place seat: ${JSON.stringify(sameCounts)}`);
    assert.deepEqual(sameCounts, { 303: 1, 400: 19 });
    assert.ok(
      same.filter((r) => r.status === 400).every((r) => /already holds this seat/.test(pageText(r.text))),
    );
    assert.equal((await holders(ids.threePlaces!)).length, 1);
  });

  it('numbers one agenda item from fifty sent at once with one number: the rest are form errors, no 5xx', async () => {
    const path = `${base}/meetings/${ids.meeting}/agenda/new`;
    const fields = formOf((await ann.get(path)).text);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => {
        let post = ann.post(path).field('_csrf', String(fields._csrf));
        for (const [name, value] of Object.entries({ ...fields, number: '7', title: `Item ${n}` }))
          if (name !== '_csrf' && name !== '_form')
            for (const one of Array.isArray(value) ? value : [value]) post = post.field(name, one);
        return post;
      }),
    );
    const counts = counted(statuses(answers));
    console.log(`50 agenda items at once numbered 7: ${JSON.stringify(counts)}`);
    assert.deepEqual(counts, { 303: 1, 400: 49 });
    assert.ok(
      answers
        .filter((r) => r.status === 400)
        .every((r) => /Item 7 is already on this agenda/.test(pageText(r.text))),
    );
    const items = await test.services.agenda.agenda(caller, ids.meeting!);
    assert.equal(items.filter((item) => item.number === 7).length, 1);
  });

  it('makes one meeting from fifty identical submissions of one form, and sends every one to it', async () => {
    const path = `${base}/meetings/new`;
    const form = formOf((await ann.get(path)).text);
    assert.match(String(form._form), /^[A-Za-z0-9_-]{43}$/, 'the form carries a one-use token');
    const before = (await test.services.meetings.list(caller)).length;
    const fields = {
      ...form,
      title: 'Extraordinary meeting',
      bodyIds: [ids.board!],
      'date-day': '4',
      'date-month': '3',
      'date-year': '2009',
      startTime: '14:00',
    };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => ann.post(path).type('form').send(fields)),
    );
    const counts = counted(statuses(answers));
    const made = (await test.services.meetings.list(caller)).length - before;
    console.log(`50 identical creates at once: ${JSON.stringify(counts)}; meetings made: ${made}`);
    assert.deepEqual(counts, { 303: 50 });
    assert.equal(made, 1);
    const locations = new Set(answers.map((answer) => answer.headers.location));
    assert.equal(locations.size, 1, 'all go to the one meeting');
    assert.match([...locations][0]!, new RegExp(`^${base}/meetings/[0-9a-f-]{36}$`));
    const later = await ann.post(path).type('form').send(fields);
    assert.equal(later.status, 303);
    assert.equal(later.headers.location, [...locations][0], 'a resend later goes there too');
    assert.equal((await test.services.meetings.list(caller)).length - before, 1);
    // a fresh form (a new token) makes another
    const fresh = formOf((await ann.get(path)).text);
    assert.notEqual(fresh._form, form._form);
    assert.equal(
      (
        await ann
          .post(path)
          .type('form')
          .send({ ...fields, _form: fresh._form })
      ).status,
      303,
    );
    assert.equal((await test.services.meetings.list(caller)).length - before, 2);
  });
});
