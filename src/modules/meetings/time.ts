// Meetings happen in England: a date and time entered on a form are London time, stored as an
// instant. Intl knows the summer-time rules, so no table of dates is kept here.
const zone = 'Europe/London';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Instants already converted (`formatToParts` costs a few microseconds a call, and a meeting
 * page converts the same few instants on every request): forgotten when full.
 */
const converted = new Map<number, Readonly<{ date: string; time: string }>>();
const convertedLimit = 10_000;

/** London's wall-clock date ('YYYY-MM-DD') and time ('HH:MM') of an instant. */
export function londonParts(instant: Date): Readonly<{ date: string; time: string }> {
  const at = instant.getTime();
  let found = converted.get(at);
  if (!found) {
    const got = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
    found = Object.freeze({ date: `${got.year}-${got.month}-${got.day}`, time: `${got.hour}:${got.minute}` });
    if (converted.size >= convertedLimit) converted.clear();
    converted.set(at, found);
  }
  return found;
}

/** The instant a London date ('YYYY-MM-DD') and time ('HH:MM') name. */
export function fromLondon(date: string, time: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // London is UTC or UTC+1: try the offset London has at that moment, then check it.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = londonParts(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  // A time skipped when the clocks go forward (01:00–01:59 on the last Sunday of March).
  return new Date(asUtc - 3_600_000);
}

/** The first instant of a London date, and the first instant of the day after it (for periods "to" a date). */
export const startOfDay = (date: string): Date => fromLondon(date, '00:00');
export const startOfNextDay = (date: string): Date =>
  startOfDay(new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

/** A meeting, item, paper or action id in an address. */
export const isId = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/**
 * Whether a meeting has taken place: recorded as held, or its start has passed; a cancelled
 * meeting never has (the one answer for attendance, declarations and the record).
 */
export const hasHappened = (meeting: { state: string; startsAt: Date }, now = Date.now()): boolean =>
  meeting.state !== 'cancelled' && (meeting.state === 'held' || meeting.startsAt.getTime() <= now);
