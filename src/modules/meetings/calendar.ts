// Meetings as an iCalendar feed (RFC 5545), written by ical-generator. Times are given in UTC,
// which every calendar reads the same way; each event links back to the meeting's page.
import ical, { ICalEventStatus } from 'ical-generator';
import type { MeetingRow } from './meetings.repository.ts';
import { meetingKinds } from './meetings.vocabulary.ts';
import { londonParts } from './time.ts';

const statusOf = (state: string) =>
  state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;

/** A meeting with no end recorded lasts this long in a calendar. */
export const defaultMeetingMinutes = 120;

/**
 * When a meeting is in a calendar: its start and end instants; or, when the minutes give no start
 * time (ADR 0041), its day in England as an all-day event (DTSTART;VALUE=DATE, DTEND the next day).
 */
export function calendarTimes(meeting: Pick<MeetingRow, 'startsAt' | 'endsAt' | 'startTimeKnown'>): {
  start: Date;
  end: Date;
  allDay: boolean;
} {
  if (meeting.startTimeKnown === false) {
    // ical-generator writes a date-only value from the UTC date of what it is given
    const day = new Date(`${londonParts(meeting.startsAt).date}T00:00:00Z`);
    return { start: day, end: new Date(day.getTime() + 86_400_000), allDay: true };
  }
  return {
    start: meeting.startsAt,
    end: meeting.endsAt ?? new Date(meeting.startsAt.getTime() + defaultMeetingMinutes * 60_000),
    allDay: false,
  };
}

export function meetingsCalendar(
  name: string,
  meetings: MeetingRow[],
  pageOf: (meeting: MeetingRow) => string,
): string {
  const calendar = ical({ name, prodId: { company: 'Cooperate', product: 'Meetings', language: 'EN' } });
  for (const meeting of meetings) {
    const url = pageOf(meeting);
    const kind = meetingKinds[meeting.kind as keyof typeof meetingKinds] ?? meeting.kind;
    calendar.createEvent({
      id: `${meeting.id}@cooperate`,
      ...calendarTimes(meeting),
      sequence: meeting.sequence,
      lastModified: meeting.updatedAt,
      stamp: meeting.updatedAt,
      summary: meeting.state === 'cancelled' ? `Cancelled: ${meeting.title}` : meeting.title,
      location: meeting.place ?? meeting.onlineUrl,
      url,
      status: statusOf(meeting.state),
      description: [
        `${kind} of ${meeting.bodies.map((body) => body.name).join(', ')}`,
        meeting.onlineUrl && meeting.place ? `Online: ${meeting.onlineUrl}` : null,
        `Papers and details: ${url}`,
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return calendar.toString();
}
