// The meetings API's answers (ADR 0042): meetings, one meeting in full, the action log, the
// attendance appendix and inbound consultations. The presenters' types come from these schemas
// and the OpenAPI document is generated from them.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import {
  actionStatusValues,
  interestKindValues,
  interestParticipationValues,
  itemPurposeValues,
  meetingKindValues,
  meetingStateValues,
} from './meetings.vocabulary.ts';
import { registerScopes, type RegisterScope } from '../attendance/index.ts';

const instant = apiJson.instant();
const date = apiJson.date();
const slug = z
  .string()
  .describe('The partnership’s short name')
  .meta({ examples: ['dudley'] });
const bodySlug = z
  .string()
  .describe('A body’s short name')
  .meta({ examples: ['executive-board'] });

export const meetingJson = z
  .object({
    id: apiJson.id(),
    title: z.string().meta({ examples: ['Partnership Board'] }),
    kind: z.enum(meetingKindValues),
    bodies: z.array(z.object({ slug: z.string(), name: z.string() })),
    startsAt: instant,
    endsAt: instant.nullable(),
    startTimeKnown: z
      .boolean()
      .describe(
        'False when the minutes give no start time: startsAt is then midnight in England of its date',
      ),
    place: z.string().nullable(),
    onlineUrl: z.string().nullable().describe('Where to join online, as recorded'),
    state: z.enum(meetingStateValues),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Meeting', description: 'A meeting of one or more bodies' });

const declarationJson = z.object({
  person: z.string().describe('Who declared it (a young person is not named)'),
  kind: z.enum(interestKindValues).describe('As the model councillor code of conduct describes interests'),
  nature: z.string().meta({ examples: ['A director of a provider bidding for the contract'] }),
  participation: z
    .enum(interestParticipationValues)
    .describe('Stayed and took part; stayed but did not vote; left the room for the item'),
  registerEntry: z
    .object({ id: apiJson.id(), description: z.string().nullable() })
    .nullable()
    .describe('The person’s entry in the register of interests it is about, if one was named'),
});

const withheldItemJson = z
  .object({
    number: z.int(),
    exempt: z.literal(true),
    exemptParagraph: z
      .int()
      .nullable()
      .describe('Paragraph of Schedule 12A to the Local Government Act 1972'),
    withheld: z.literal(true),
  })
  .describe('An exempt item withheld from the caller: its number and paragraph only');

const itemJson = z.object({
  number: z.int(),
  title: z.string().nullable(),
  purpose: z.enum(itemPurposeValues).nullable(),
  presenter: z.string().nullable(),
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable()
    .describe('The item’s start time in England, like 14:30, if the agenda gives one'),
  exempt: z.boolean(),
  exemptParagraph: z.int().nullable().describe('Paragraph of Schedule 12A to the Local Government Act 1972'),
  exemptReason: z.string().nullable(),
  withheld: z.literal(false),
  papers: z.array(
    z.object({
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.int(),
      href: z.string().describe('The paper on the meeting’s page (signed in)'),
    }),
  ),
  declarations: z.array(declarationJson).describe('Declarations of interest in the item, as recorded'),
});

export const agendaItemJson = z.union([itemJson, withheldItemJson]);

export const actionJson = z.object({
  id: apiJson.id(),
  reference: z
    .string()
    .nullable()
    .describe('Its number, like CTB/2010/14, when a body of its meeting numbers actions'),
  text: z.string(),
  owner: z.object({
    name: z.string().describe('A person, an organisation, or “To be confirmed”'),
    personId: apiJson.id().nullable(),
    organisationId: apiJson.id().nullable(),
    toBeConfirmed: z.boolean().describe('No owner yet'),
  }),
  dueOn: date.nullable(),
  status: z.enum(actionStatusValues),
  overdue: z.boolean(),
  meeting: z.object({ id: apiJson.id(), title: z.string(), startsAt: instant }),
  updates: z.array(z.object({ text: z.string(), status: z.enum(actionStatusValues), at: instant })),
});

export const boardPackStatusJson = z
  .union([
    z.object({ state: z.literal('none'), href: z.null() }).describe('No pack has been asked for'),
    z.object({
      state: z.enum(['queued', 'working', 'ready', 'failed']),
      done: z.int().describe('Parts made so far (while working)'),
      total: z.int().describe('Parts to make'),
      failure: z.string().nullable().describe('Why the pack failed'),
      outOfDate: z
        .boolean()
        .describe('A paper or report changed after the last pack was made, so it is being made again'),
      madeAt: instant.nullable().describe('When the last pack was made'),
      pageCount: z.int().nullable(),
      href: z
        .string()
        .nullable()
        .describe(
          'The last pack made, downloaded signed in (also while a new one is being made: see state); null when none has been made',
        ),
    }),
  ])
  .describe('Its board pack (the agenda, reports and public PDF papers as one PDF, made in the background)');

const quorumJson = z.object({
  body: z.string().optional().describe('The body’s short name'),
  met: z
    .boolean()
    .nullable()
    .describe('Null: the body has no quorum rule, or (with `unknown`) the register cannot tell'),
  required: z.int().nullable().describe('Voting members needed, if the rule asks a number'),
  present: z.int(),
  missing: z.array(z.string()).describe('Categories the rule names with nobody there for them'),
  unknown: z
    .literal(true)
    .optional()
    .describe('The register records apologies only: who was present, so whether quorate, is not known'),
});

export const electionJson = z
  .object({
    id: apiJson.id(),
    seat: apiJson.id().describe('The seat the election was for'),
    seatLabel: z.string(),
    body: z.string().describe('The name of the seat’s body'),
    office: z.string().describe('The office as the minutes name it'),
    byAcclamation: z.boolean(),
    nominees: z.array(
      z.object({
        name: z.string().describe('“A young person” for a young person'),
        proposedBy: z.string().nullable(),
        secondedBy: z.string().nullable(),
        votes: z.int().nullable().describe('Null by acclamation'),
        elected: z.boolean(),
      }),
    ),
    elected: z.string().nullable().describe('Who was elected; null: nobody was'),
    result: z.string().describe('The result in words, e.g. “Elected with 9 votes to 4”'),
    membership: apiJson
      .id()
      .nullable()
      .describe('The membership the result made, from the meeting’s date (null: nobody was appointed)'),
  })
  .describe('An election at the meeting (ADR 0037)');

export const meetingDetailJson = meetingJson.extend({
  agenda: z
    .array(agendaItemJson)
    .describe(
      'In number order. An exempt item is withheld from a viewer: only number, exempt, exemptParagraph and withheld are given',
    ),
  attendance: z.object({
    scope: z
      .enum(Object.keys(registerScopes) as [RegisterScope])
      .nullable()
      .describe(
        'What the register records: everyone, apologies only or those present only; null: no register yet',
      ),
    members: z.array(
      z.object({
        name: z.string().describe('“A young person” for a young person'),
        seat: z.string(),
        organisation: z.string().nullable(),
        body: z.string().optional(),
        status: z
          .string()
          .nullable()
          .describe('As recorded (present, apologies, absent, substitute); null: not recorded, never absent'),
        substitute: z.string().nullable(),
        substituteNamedAtMeeting: z.boolean().nullable(),
      }),
    ),
    chair: z.string().nullable(),
    inAttendance: z.array(z.string()),
    otherApologies: z.array(z.string()),
    observers: z.array(z.string()).describe('People who observed the meeting: not members, not counted'),
    noteTakers: z.array(z.string()).describe('Who took the notes: not members, not counted'),
    guests: z.array(z.object({ name: z.string(), item: z.int().nullable() })),
    counted: z
      .array(z.object({ description: z.string(), count: z.int(), approximate: z.boolean() }))
      .describe('Attendees the minutes only count (“3 young people”, “about 29 present”)'),
  }),
  minutes: z.array(
    z.object({
      item: z.int().optional().describe('The agenda item’s number'),
      text: z.string(),
      status: z.enum(['draft', 'approved']),
      approvedOn: date.nullable(),
    }),
  ),
  minutesApproval: z
    .object({
      approvedOn: date.nullable(),
      atMeeting: apiJson.id().nullable().describe('The meeting that approved them'),
      asAmended: z.boolean(),
      amendment: z.string().nullable(),
    })
    .nullable()
    .describe('How the minutes were approved: as they stand or as amended; null while not approved'),
  decisions: z.array(
    z.object({
      item: z.int().optional(),
      text: z.string(),
      delegatedTo: z.string().nullable(),
      outcome: z.string().nullable(),
      outcomeOn: date.nullable(),
    }),
  ),
  actions: z.array(actionJson),
  quorum: z.array(quorumJson).describe('Per body, by the quorum rule of the meeting’s date'),
  boardPack: boardPackStatusJson,
  elections: z.array(electionJson).describe('Elections at the meeting, with their nominees and results'),
});

export const actionLogJson = apiJson.list(actionJson).extend({
  overdueByOwner: z.array(z.object({ owner: z.string(), count: z.int() })),
});

const appendixCounts = {
  expected: z.int(),
  attended: z.int(),
  apologies: z.int(),
  substitutes: z.int(),
  absent: z.int().describe('Recorded absent only: never a member a register does not name'),
  notRecorded: z.int().describe('Expected meetings whose register does not say whether the member came'),
  rate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe('Over the recorded meetings only; null with none recorded'),
};

export const appendixJson = z.object({
  body: z.string(),
  from: date,
  to: date,
  meetings: z.int().describe('Meetings held in the period'),
  members: z.array(
    z.object({
      membershipId: apiJson.id(),
      chaired: z.int(),
      name: z.string(),
      seatLabel: z.string(),
      organisation: z.string().nullable(),
      ...appendixCounts,
    }),
  ),
  organisations: z.array(z.object({ organisation: z.string(), ...appendixCounts })),
  others: z
    .array(
      z.object({
        personId: apiJson.id(),
        name: z.string(),
        role: z.enum(['observer', 'note-taker']),
        attended: z.int().describe('Held meetings of the period they came to in that role'),
      }),
    )
    .describe('Observers and note-takers: not members, not counted in the figures above (ADR 0041)'),
});

export const consultationsJson = apiJson.list(
  z.object({
    id: apiJson.id(),
    title: z.string(),
    issuedBy: z.string(),
    deadline: date,
    summary: z.string().nullable(),
    meeting: z.object({ id: apiJson.id(), title: z.string(), startsAt: instant }),
    item: z.int().describe('The agenda item’s number'),
    questions: z.array(
      z.object({
        number: z.int(),
        question: z.string(),
        answer: z.string().nullable().describe('The board’s agreed answer'),
        answeredAt: instant.nullable(),
      }),
    ),
  }),
);

export type MeetingJson = z.output<typeof meetingJson>;
export type MeetingDetailJson = z.output<typeof meetingDetailJson>;
export type AgendaItemJson = z.output<typeof agendaItemJson>;
export type ActionJson = z.output<typeof actionJson>;
export type BoardPackStatusJson = z.output<typeof boardPackStatusJson>;
export type ActionLogJson = z.output<typeof actionLogJson>;
export type AppendixJson = z.output<typeof appendixJson>;
export type ConsultationsJson = z.output<typeof consultationsJson>;

const tenant = (extra: Record<string, z.ZodType> = {}) => z.object({ slug, ...extra });
const noToken = problemResponse('No token');

export const meetingsApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/meetings',
    summary: 'Meetings in a period, of one body or all (joint meetings appear under each of their bodies)',
    security: 'token',
    pathParameters: tenant(),
    query: z.object({
      from: date.optional().describe('First day (London time)'),
      to: date.optional().describe('Last day (London time)'),
      body: bodySlug.optional(),
    }),
    responses: {
      200: jsonResponse('Meetings in order of their start', apiJson.list(meetingJson)),
      400: problemResponse('The query is not valid'),
      401: noToken,
      404: problemResponse('No such partnership or body that you can see'),
    },
  },
  {
    path: '/partnerships/{slug}/meetings/{id}',
    summary:
      'One meeting with its agenda (exempt items withheld from viewers, each item with its start time if given) and each item’s declarations of interest, attendance register (with its scope: all, apologies or present; a member’s status null is not recorded), quorum per body by the rule of the meeting’s date, minutes, minutesApproval (as they stand or as amended, with the amendment), decisions, actions (with their number, such as CTB/2010/14, and an owner that may be to be confirmed) and the state of its board pack',
    security: 'token',
    pathParameters: tenant({ id: apiJson.id().describe('The meeting’s id') }),
    responses: {
      200: jsonResponse('The meeting', meetingDetailJson),
      401: noToken,
      404: problemResponse('No such meeting'),
    },
  },
  {
    path: '/partnerships/{slug}/actions',
    summary:
      'The action log: each action with its owner, due date, status, updates and the meeting that raised it; and the overdue actions per owner (actions on exempt items withheld from viewers)',
    security: 'token',
    pathParameters: tenant(),
    query: z.object({
      status: z.enum(actionStatusValues).optional(),
      owner: apiJson.id().optional().describe('A person’s or an organisation’s id'),
    }),
    responses: {
      200: jsonResponse('Actions, soonest due first', actionLogJson),
      400: problemResponse('The query is not valid'),
      401: noToken,
      404: problemResponse('No such partnership that you can see'),
    },
  },
  {
    path: '/partnerships/{slug}/attendance',
    summary:
      'A body’s attendance appendix over a period: per member and per organisation, meetings expected, attended, apologies, substitutes, absent (recorded absent only), notRecorded (the register does not say, as in a register of apologies only) and rate (over the recorded meetings only; held meetings only)',
    security: 'token',
    pathParameters: tenant(),
    query: z.object({
      body: bodySlug,
      from: date.optional().describe('Default: 1 January this year'),
      to: date.optional().describe('Default: 31 December this year'),
    }),
    responses: {
      200: jsonResponse('The appendix: meetings held, members, organisations', appendixJson),
      400: problemResponse('The query is not valid, or names no body'),
      401: noToken,
      404: problemResponse('No such body'),
    },
  },
  {
    path: '/partnerships/{slug}/consultations',
    summary:
      'Inbound consultations by deadline: who issued each, its deadline, the meeting and agenda item it is on, and each question with the board’s agreed answer (consultations on exempt items withheld from viewers)',
    security: 'token',
    pathParameters: tenant(),
    responses: {
      200: jsonResponse('Consultations, soonest deadline first', consultationsJson),
      401: noToken,
      404: problemResponse('No such partnership that you can see'),
    },
  },
];
