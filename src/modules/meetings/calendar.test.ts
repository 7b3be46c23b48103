import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import { meetingsCalendar } from './calendar.ts';
import type { MeetingRow } from './meetings.repository.ts';

const joint: MeetingRow = {
  id: '7b0c0c8e-8a7a-4f57-9b0e-3f4a5f6a7b8c',
  title: 'Joint meeting of the Board, the NCSB and the CSEG',
  kind: 'joint-meeting',
  startsAt: new Date('2009-03-20T10:00:00Z'),
  endsAt: new Date('2009-03-20T12:30:00Z'),
  place: 'County Hall, West Bridgford',
  onlineUrl: null,
  state: 'scheduled',
  notes: null,
  sequence: 0,
  updatedAt: new Date('2009-01-01T09:00:00Z'),
  bodies: [
    { id: 'a', name: 'Partnership Board', slug: 'board' },
    { id: 'b', name: 'NCSB', slug: 'ncsb' },
  ],
};

/** node-ical gives a URL with parameters (VALUE=URI) as an object. */
const urlOf = (value: unknown) =>
  typeof value === 'object' && value !== null && 'val' in value ? String(value.val) : String(value);

describe('the meetings calendar', () => {
  it('is read back by a real iCalendar parser with its times, place, status and link', () => {
    const text = meetingsCalendar(
      'Partnership Board meetings',
      [
        joint,
        {
          ...joint,
          id: '0e1d7a22-1111-4c1b-8f7e-2c3d4e5f6a7b',
          title: 'Summer board',
          kind: 'board-meeting',
          startsAt: new Date('2009-07-01T13:30:00Z'),
          endsAt: null,
          place: null,
          onlineUrl: 'https://meet.example.org/board',
          state: 'cancelled',
        },
      ],
      (meeting) => `https://cooperate.example.org/partnerships/notts/meetings/${meeting.id}`,
    );
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    const events = Object.values(ical.sync.parseICS(text)).filter((entry) => entry?.type === 'VEVENT');
    assert.equal(events.length, 2);
    const [first, second] = events as VEvent[];
    assert.equal(first!.uid, `${joint.id}@cooperate`);
    assert.equal(first!.summary, joint.title);
    assert.equal(first!.start.toISOString(), '2009-03-20T10:00:00.000Z');
    assert.equal(first!.end?.toISOString(), '2009-03-20T12:30:00.000Z');
    assert.equal(first!.location, 'County Hall, West Bridgford');
    assert.equal(first!.status, 'CONFIRMED');
    assert.equal(urlOf(first!.url), `https://cooperate.example.org/partnerships/notts/meetings/${joint.id}`);
    assert.match(String(first!.description), /Joint meeting of Partnership Board, NCSB/);
    assert.equal(second!.status, 'CANCELLED');
    assert.equal(second!.start.toISOString(), '2009-07-01T13:30:00.000Z');
    assert.equal(second!.location, 'https://meet.example.org/board');
    // no end recorded: the default length; and what moves when a meeting changes
    assert.equal(second!.end?.toISOString(), '2009-07-01T15:30:00.000Z');
    assert.equal(Number(first!.sequence), 0);
    assert.equal((first!.lastmodified as Date).toISOString(), '2009-01-01T09:00:00.000Z');
  });

  it('writes a meeting with no known start time as an all-day event of its day in England', () => {
    // midnight in England on 14 July 2009 (summer time) is 23:00 UTC the day before (ADR 0041)
    const allDay = {
      ...joint,
      startsAt: new Date('2009-07-13T23:00:00Z'),
      endsAt: null,
      startTimeKnown: false,
    };
    const text = meetingsCalendar('Board', [allDay], () => 'https://example.org/m');
    assert.match(text, /DTSTART;VALUE=DATE:20090714\r\n/);
    assert.match(text, /DTEND;VALUE=DATE:20090715\r\n/);
    const [event] = Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as VEvent[];
    assert.equal(event!.datetype, 'date');
  });
});
