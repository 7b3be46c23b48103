// Meetings in a seed file: each with its bodies, agenda items (minutes, decisions), attendance
// and actions, loaded through the same services users go through. Idempotent: a meeting
// already there (same title and start) is left as it is. A meeting whose minutes give no start
// time leaves `startTime` out, as the meeting form allows: kept by its date alone (all day).
import { z } from 'zod';
import type { Caller } from '../platform/http/auth.ts';
import type { Services } from '../services.ts';
import {
  fromLondon,
  itemPurposeValues,
  meetingKindValues,
  meetingStateValues,
} from '../modules/meetings/index.ts';
import { committeeReportSchema } from '../modules/documents/index.ts';
import { consultationInputSchema } from '../modules/consultations/index.ts';

const key = z.string().regex(/^[a-z0-9-]+$/, 'A key is lower-case letters, numbers and hyphens');
const day = z.iso.date({ error: 'A date like 2009-09-14' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time like 10:00');
const note = z.string().min(1).optional();

const item = z.strictObject({
  number: z.number().int().min(1),
  title: z.string().min(1),
  purpose: z.enum(itemPurposeValues),
  presenter: z.string().min(1).optional(),
  exempt: z.strictObject({ paragraph: z.number().int().min(1).max(7), reason: note }).optional(),
  report: z
    .strictObject({
      reportTo: z.string().min(1),
      reportOf: z.string().min(1),
      author: z.string().min(1),
      contactOfficer: z.string().min(1).optional(),
      title: z.string().min(1),
      confidentiality: z.string().min(1).optional(),
      purpose: z.string().min(1),
      summary: z.string().min(1).optional(),
      background: z.string().min(1).optional(),
      recommendations: z.array(z.string().min(1)).min(1),
      decision: z.string().min(1).optional(),
      backgroundDocuments: z.string().min(1).optional(),
      financialImplications: z.string().min(1).optional(),
      legalImplications: z.string().min(1).optional(),
      equalityImplications: z.string().min(1).optional(),
      riskImplications: z.string().min(1).optional(),
      appendices: z.string().min(1).optional(),
    })
    .optional(),
  consultations: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        issuedBy: z.string().min(1),
        deadline: day,
        summary: z.string().min(1).optional(),
        questions: z.array(z.string().min(1)).min(1),
      }),
    )
    .default([]),
  minutes: z.string().min(1).optional(),
  decisions: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        delegatedTo: z.string().min(1).optional(),
        outcome: z.string().min(1).optional(),
        outcomeOn: day.optional(),
      }),
    )
    .default([]),
});

const action = z.strictObject({
  text: z.string().min(1),
  item: z.number().int().min(1).optional(),
  owner: z.strictObject({ person: key.optional(), organisation: key.optional() }),
  due: day.optional(),
  note,
});

export const seedMeetingSchema = z
  .strictObject({
    title: z.string().min(1),
    kind: z.enum(meetingKindValues),
    bodies: z.array(key).min(1),
    date: day,
    // left out when the minutes give none (ADR 0041): the meeting is kept by its date alone
    startTime: time.optional(),
    endTime: time.optional(),
    place: z.string().min(1).optional(),
    state: z.enum(meetingStateValues),
    note,
    items: z.array(item).default([]),
    attendance: z
      .strictObject({
        present: z.array(key).default([]),
        apologies: z.array(key).default([]),
        absent: z.array(key).default([]),
        substitutes: z.array(z.strictObject({ person: key, for: key })).default([]),
      })
      .optional(),
    actions: z.array(action).default([]),
  })
  .refine((meeting) => !meeting.endTime || meeting.startTime, {
    path: ['endTime'],
    message: 'An end time needs a start time: leave both out when the minutes give none',
  })
  .refine((meeting) => !meeting.endTime || !meeting.startTime || meeting.endTime > meeting.startTime, {
    path: ['endTime'],
    message: 'The end time must be after the start time',
  });
export type SeedMeeting = z.infer<typeof seedMeetingSchema>;

export async function importMeetings(
  services: Services,
  caller: Caller,
  seed: {
    meetings: SeedMeeting[];
    people: { key: string; name: string; jobTitle?: string | undefined }[];
    organisations: { key: string; name: string }[];
  },
): Promise<number> {
  if (!seed.meetings.length) return 0;
  const [bodies, people, organisations, existing] = await Promise.all([
    services.meetings.bodies(caller),
    services.membership.people(caller),
    services.membership.organisations(caller),
    services.meetings.list(caller),
  ]);
  const personId = (personKey: string) => {
    const wanted = seed.people.find((p) => p.key === personKey);
    const found =
      wanted && people.find((p) => p.name === wanted.name && (p.jobTitle ?? undefined) === wanted.jobTitle);
    if (!found) throw new Error(`No person with the key ${personKey}`);
    return found.id;
  };
  const organisationId = (organisationKey: string) => {
    const wanted = seed.organisations.find((o) => o.key === organisationKey);
    const found = wanted && organisations.find((o) => o.name === wanted.name);
    if (!found) throw new Error(`No organisation with the key ${organisationKey}`);
    return found.id;
  };
  let created = 0;
  for (const meeting of seed.meetings) {
    const bodyIds = meeting.bodies.map((slug) => {
      const body = bodies.find((candidate) => candidate.slug === slug);
      if (!body) throw new Error(`No body with the slug ${slug}`);
      return body.id;
    });
    // an all-day meeting is kept at midnight in England of its date, as the service keeps it
    const start = fromLondon(meeting.date, meeting.startTime ?? '00:00').getTime();
    if (existing.some((m) => m.title === meeting.title && m.startsAt.getTime() === start)) continue;
    const id = await services.meetings.create(caller, {
      title: meeting.title,
      kind: meeting.kind,
      bodyIds,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      state: meeting.state,
      notes: meeting.note,
    });
    created += 1;
    const itemIds = new Map<number, string>();
    for (const entry of meeting.items) {
      const itemId = await services.agenda.addItem(caller, id, {
        number: entry.number,
        title: entry.title,
        purpose: entry.purpose,
        presenter: entry.presenter ?? null,
        exempt: Boolean(entry.exempt),
        exemptParagraph: entry.exempt?.paragraph ?? null,
        exemptReason: entry.exempt?.reason ?? null,
      });
      itemIds.set(entry.number, itemId);
      if (entry.report)
        await services.reports.save(caller, id, itemId, committeeReportSchema.parse(entry.report));
      for (const consultation of entry.consultations)
        await services.consultations.place(caller, id, itemId, consultationInputSchema.parse(consultation));
      if (entry.minutes) await services.record.writeMinutes(caller, id, itemId, entry.minutes);
      for (const decision of entry.decisions) {
        const decisionId = await services.record.addDecision(caller, id, itemId, {
          text: decision.text,
          delegatedTo: decision.delegatedTo ?? null,
        });
        if (decision.outcome && decision.outcomeOn)
          await services.record.recordOutcome(caller, id, decisionId, {
            outcome: decision.outcome,
            outcomeOn: decision.outcomeOn,
          });
      }
    }
    if (meeting.attendance) {
      const { register } = await services.attendance.register(caller, id);
      const membershipOf = (personKey: string) => {
        const row = register.rows.find((r) => r.member.personId === personId(personKey));
        if (!row) throw new Error(`${personKey} holds no seat at ${meeting.title} on ${meeting.date}`);
        return row.member.membershipId;
      };
      const { present, apologies, absent, substitutes } = meeting.attendance;
      await services.attendance.record(caller, id, {
        members: [
          ...present.map((p) => ({ membershipId: membershipOf(p), status: 'present' as const })),
          ...apologies.map((p) => ({
            membershipId: membershipOf(p),
            status: 'apologies' as const,
            substituteId: substitutes.find((s) => s.for === p)
              ? personId(substitutes.find((s) => s.for === p)!.person)
              : undefined,
          })),
          ...absent.map((p) => ({ membershipId: membershipOf(p), status: 'absent' as const })),
        ],
        inAttendance: [],
      });
    }
    for (const entry of meeting.actions) {
      await services.record.raiseAction(caller, id, {
        text: entry.text,
        agendaItemId: entry.item ? (itemIds.get(entry.item) ?? null) : null,
        ownerPersonId: entry.owner.person ? personId(entry.owner.person) : null,
        ownerOrganisationId: entry.owner.organisation ? organisationId(entry.owner.organisation) : null,
        dueOn: entry.due ?? null,
      });
    }
  }
  return created;
}
