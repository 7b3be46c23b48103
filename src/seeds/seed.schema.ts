// The shape of a seed file in data/seeds: one source document, written by hand into data.
// Each capability adds its own section (bodies, seats, meetings, plans, surveys) here.
import { z } from 'zod';
import { partnershipJsonSchema } from '../modules/partnerships/index.ts';
import { bodyKindValues, relationshipKindValues, statusValues } from '../modules/bodies/index.ts';
import {
  categoryValues,
  howFilledValues,
  seatRoleValues,
  sectorValues,
} from '../modules/membership/index.ts';
import { partialIsoDate } from '../platform/http/date-input.ts';
import { seedMeetingSchema } from './seed.meetings.ts';
import { bodiesNamedByPlans, planSeedSchema } from './seed.plans.ts';
import { resourcesSeedSchema } from './seed.resources.ts';

const key = z.string().regex(/^[a-z0-9-]+$/, 'A key is lower-case letters, numbers and hyphens');
const day = z.iso.date({ error: 'A date like 2009-09-14' });
const partial = partialIsoDate('The date');
const note = z.string().min(1).optional();

const organisation = z.strictObject({
  key,
  name: z.string().min(1),
  sector: z.enum(sectorValues),
  category: z.enum(categoryValues).nullable().optional(),
  note,
});

const person = z.strictObject({
  key,
  name: z.string().min(1),
  jobTitle: z.string().min(1).optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
  youngPerson: z.boolean().default(false),
  note,
});

const holder = z.strictObject({
  person: key,
  organisation: key.optional(),
  from: day.optional(),
  until: day.optional(),
  /** People named as the holder's substitutes (keys of people in this file). */
  substitutes: z.array(key).default([]),
  note,
});

const seat = z.strictObject({
  label: z.string().min(1),
  role: z.enum(seatRoleValues).default('member'),
  voting: z.boolean().default(true),
  howFilled: z.enum(howFilledValues).default('appointed'),
  filledBy: z.string().min(1).optional(),
  organisation: key.optional(),
  category: z.enum(categoryValues).optional(),
  capacity: z.number().int().min(1).default(1),
  independent: z.boolean().default(false),
  rule: z
    .strictObject({
      kind: z.literal('chairs-of'),
      bodies: z.array(key).optional(),
      bodyKinds: z.array(z.enum(bodyKindValues)).optional(),
      unlessAlreadyMember: z.boolean().optional(),
    })
    .optional(),
  holders: z.array(holder).default([]),
  note,
});

const body = z.strictObject({
  slug: key,
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
  kind: z.enum(bodyKindValues),
  purpose: z.string().min(1).optional(),
  takesDecisions: z.boolean().default(true),
  focusType: z.enum(['outcome', 'age-range', 'theme', 'area']).optional(),
  focus: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
  membershipCap: z.number().int().min(1).optional(),
  cadence: z.array(z.strictObject({ kind: z.string().min(1), perYear: z.number().int().min(1) })).optional(),
  quorum: z
    .strictObject({
      minimum: z.number().int().min(1).optional(),
      fraction: z.number().gt(0).max(1).optional(),
      categories: z.array(z.enum(categoryValues)).optional(),
    })
    .optional(),
  history: z
    .array(
      z.strictObject({
        status: z.enum(statusValues),
        on: partial,
        newName: z.string().min(1).optional(),
        related: key.optional(),
        detail: z.string().min(1).optional(),
      }),
    )
    .min(1, 'Give at least when the body was proposed or established'),
  terms: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        adoptedOn: partial,
        adoptedBy: z.string().min(1).optional(),
        text: z.string().min(1),
      }),
    )
    .default([]),
  seats: z.array(seat).default([]),
  note,
});

const relationship = z.strictObject({
  from: key,
  kind: z.enum(relationshipKindValues),
  to: key,
  startsOn: day.optional(),
  endsOn: day.optional(),
  note,
});

export const seedFileSchema = z
  .strictObject({
    source: z.strictObject({
      /** The file in the project's source documents this seed is written from. */
      document: z.string().min(1, 'Enter the source document’s file name'),
      title: z.string().min(1, 'Enter the source document’s title'),
      author: z.string().min(1).optional(),
      date: z.iso.date({ error: 'source.date must be a date like 2009-09-14' }),
    }),
    authority: z.strictObject({
      gssCode: z.string().regex(/^E\d{8}$/, 'authority.gssCode must be a GSS code like E08000027'),
      name: z.string().min(1),
    }),
    partnership: partnershipJsonSchema.omit({ authorityGssCode: true }),
    organisations: z.array(organisation).default([]),
    people: z.array(person).default([]),
    bodies: z.array(body).default([]),
    relationships: z.array(relationship).default([]),
    meetings: z.array(seedMeetingSchema).default([]),
    plans: z.array(planSeedSchema).default([]),
    resources: resourcesSeedSchema,
  })
  .superRefine((seed, context) => {
    const known = (list: { key?: string; slug?: string }[]) =>
      new Set(list.map((item) => item.key ?? item.slug));
    const organisations = known(seed.organisations);
    const people = known(seed.people);
    const bodies = known(seed.bodies);
    const missing = (path: (string | number)[], what: string, value: string) =>
      context.addIssue({ code: 'custom', path, message: `No ${what} with the key ${value} in this file` });
    seed.bodies.forEach((b, bi) => {
      b.history.forEach(
        (h, hi) =>
          h.related &&
          !bodies.has(h.related) &&
          missing(['bodies', bi, 'history', hi, 'related'], 'body', h.related),
      );
      b.seats.forEach((s, si) => {
        if (s.organisation && !organisations.has(s.organisation))
          missing(['bodies', bi, 'seats', si, 'organisation'], 'organisation', s.organisation);
        s.rule?.bodies?.forEach(
          (slug) => !bodies.has(slug) && missing(['bodies', bi, 'seats', si, 'rule', 'bodies'], 'body', slug),
        );
        s.holders.forEach((h, hi) => {
          if (!people.has(h.person))
            missing(['bodies', bi, 'seats', si, 'holders', hi, 'person'], 'person', h.person);
          if (h.organisation && !organisations.has(h.organisation))
            missing(
              ['bodies', bi, 'seats', si, 'holders', hi, 'organisation'],
              'organisation',
              h.organisation,
            );
        });
      });
    });
    for (const named of bodiesNamedByPlans(seed.plans))
      if (!bodies.has(named.slug)) missing(named.path, 'body', named.slug);
    seed.relationships.forEach((r, ri) => {
      if (!bodies.has(r.from)) missing(['relationships', ri, 'from'], 'body', r.from);
      if (!bodies.has(r.to)) missing(['relationships', ri, 'to'], 'body', r.to);
    });
  });

export type SeedFile = z.infer<typeof seedFileSchema>;
