import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../random.ts';
import { attendanceOf, lastMeetingYear, planMeetings } from './meetings.plan.ts';

test('the same seed draws the same meetings; another seed draws others', () => {
  const one = planMeetings(seededRandom('s', 'meetings'), 10);
  assert.deepEqual(planMeetings(seededRandom('s', 'meetings'), 10), one);
  assert.notDeepEqual(planMeetings(seededRandom('t', 'meetings'), 10), one);
});

test('six meetings a year, in date order, over the years asked for and ending in the last year', () => {
  const meetings = planMeetings(seededRandom('s', 'meetings'), 3);
  assert.equal(meetings.length, 18);
  assert.equal(meetings[0]!.date.slice(0, 4), String(lastMeetingYear - 2));
  assert.equal(meetings.at(-1)!.date.slice(0, 4), String(lastMeetingYear));
  assert.deepEqual(
    meetings.map((m) => m.date),
    meetings.map((m) => m.date).sort(),
  );
  const kinds = meetings.filter((m) => m.date.startsWith(String(lastMeetingYear))).map((m) => m.kind);
  assert.deepEqual(kinds.sort(), [
    'annual-event',
    'board-meeting',
    'board-meeting',
    'board-meeting',
    'board-meeting',
    'development-session',
  ]);
});

test('a meeting held has 6 to 10 numbered items, a decision or two on its items (a board meeting) and 2 to 4 actions; a cancelled one nothing', () => {
  const meetings = planMeetings(seededRandom('agenda', 'meetings'), 20);
  const held = meetings.filter((m) => m.state === 'held');
  const cancelled = meetings.filter((m) => m.state === 'cancelled');
  assert.ok(cancelled.length > 0 && cancelled.length < meetings.length / 5, `${cancelled.length} cancelled`);
  for (const meeting of cancelled) {
    assert.equal(meeting.items.length, 0);
    assert.equal(meeting.actions.length, 0);
  }
  for (const meeting of held) {
    assert.ok(meeting.items.length >= 6 && meeting.items.length <= 10, `${meeting.items.length} items`);
    assert.deepEqual(
      meeting.items.map((item) => item.number),
      meeting.items.map((_, index) => index + 1),
    );
    // A board meeting always has one (the minutes); an event or a session may have none to decide.
    assert.ok(meeting.decisions.length >= (meeting.kind === 'board-meeting' ? 1 : 0));
    assert.ok(meeting.decisions.length <= 2);
    for (const decision of meeting.decisions) assert.equal(meeting.items[decision.item]!.purpose, 'decision');
    assert.ok(meeting.actions.length >= 2 && meeting.actions.length <= 4);
    for (const action of meeting.actions) {
      assert.ok(action.item === null || meeting.items[action.item]);
      assert.ok(action.dueOn > meeting.date);
    }
    assert.ok(meeting.startTime < meeting.endTime);
  }
});

test('about one item in ten is exempt, each with its paragraph of Schedule 12A and a reason', () => {
  const items = planMeetings(seededRandom('exempt', 'meetings'), 20).flatMap((m) => m.items);
  const exempt = items.filter((item) => item.exempt);
  const share = exempt.length / items.length;
  assert.ok(share > 0.03 && share < 0.15, `${exempt.length} of ${items.length} exempt`);
  for (const item of exempt) {
    assert.ok(item.exemptParagraph! >= 1 && item.exemptParagraph! <= 7);
    assert.ok(item.exemptReason);
  }
  for (const item of items.filter((each) => !each.exempt)) assert.equal(item.exemptParagraph, null);
});

test('attendance from a draw: present, apologies (a substitute only when one is named), absent', () => {
  assert.deepEqual(attendanceOf(0.1, true), { status: 'present', substitute: false });
  assert.deepEqual(attendanceOf(0.8, true), { status: 'apologies', substitute: true });
  assert.deepEqual(attendanceOf(0.8, false), { status: 'apologies', substitute: false });
  assert.deepEqual(attendanceOf(0.9, true), { status: 'apologies', substitute: false });
  assert.deepEqual(attendanceOf(0.99, true), { status: 'absent', substitute: false });
});
