// A meeting's minutes as a document, in the form councils circulate them (issue 19): the
// meeting and whether its minutes are draft or approved, who attended (present, apologies,
// absent, in attendance, the chair), then each item with its declarations of interest, its
// minutes, its decisions and the actions raised. Read through the services the meeting's page
// uses, so an exempt item is withheld from whoever may not see it, in Word, in the PDF and in
// the board pack (whose reader may see only what is public).
import { HeadingLevel, Paragraph } from 'docx';
import { councilDocument } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import { formatDate, formatDateTime } from '../../platform/views/nunjucks.ts';
import type { Caller } from '../../platform/http/auth.ts';
import type { AgendaService } from '../agenda/index.ts';
import { type AttendanceService, displayName, type DeclarationsService } from '../attendance/index.ts';
import type { RecordService } from '../record/index.ts';
import { actionStatuses, type MeetingRow } from '../meetings/index.ts';

export interface MinutesItem {
  number: number;
  title: string;
  /** Withheld from this reader: the item's number and exempt paragraph only. */
  withheld: boolean;
  declarations: string[];
  minutes: string[];
  decisions: string[];
  actions: string[][];
}

export interface MinutesDocument {
  title: string;
  meeting: { id: string; title: string; when: string; place: string | null; bodies: string };
  /** draft, approved, or none written. */
  status: 'draft' | 'approved' | 'none';
  statusText: string;
  attendance: [label: string, names: string][];
  items: MinutesItem[];
}

export interface MinutesSources {
  agenda: AgendaService;
  record: RecordService;
  attendance: AttendanceService;
  declarations: DeclarationsService;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The minutes of a meeting as `caller` may read them. */
export async function minutesOf(
  sources: MinutesSources,
  caller: Caller,
  meeting: MeetingRow,
): Promise<MinutesDocument> {
  const [items, record, register, declarations] = await Promise.all([
    sources.agenda.agenda(caller, meeting.id),
    sources.record.ofMeeting(caller, meeting.id),
    sources.attendance.register(caller, meeting.id),
    sources.declarations.ofMeeting(caller, meeting.id),
  ]);
  const status = record.approval ? 'approved' : record.minutes.length ? 'draft' : 'none';
  const statusText =
    status === 'approved'
      ? `Approved on ${formatDate(record.approval!.approvedOn ?? '')}${
          record.approval!.atMeeting ? ` at ${record.approval!.atMeeting.title}` : ''
        }${record.approval!.asAmended ? ', as amended' : ''}`
      : status === 'draft'
        ? 'Draft: not yet approved'
        : 'No minutes have been written';
  const named = (rows: typeof register.register.rows, wanted: string) =>
    rows
      .filter((row) => row.status === wanted)
      .map((row) =>
        [
          // a document leaves the partnership: young people are never named in it
          displayName(row.member),
          // a joint post names each of its organisations ("X and Y")
          row.organisations ? `, ${row.organisations}` : '',
          row.chaired ? ' (chair)' : '',
          row.substitute && wanted !== 'present' ? ` (${row.substitute.name} attended for them)` : '',
        ].join(''),
      );
  const { rows } = register.register;
  const substitutes = rows.flatMap((row) =>
    row.substitute && row.status === 'present'
      ? [`${row.substitute.name} (for ${displayName(row.member)})`]
      : [],
  );
  const attendance: [string, string][] = [];
  const add = (label: string, names: string[]) => {
    if (names.length) attendance.push([label, names.join('; ')]);
  };
  add('Present', named(rows, 'present').concat(substitutes));
  add('Apologies', named(rows, 'apologies').concat(register.register.otherApologies.map((p) => p.name)));
  add('Absent', named(rows, 'absent'));
  add(
    'In attendance',
    register.register.inAttendance.map((p) => p.name),
  );
  if (register.register.chair) attendance.push(['Chair', register.register.chair.name]);
  if (!attendance.length) attendance.push(['Attendance', 'No register has been recorded']);
  const raisedAt = (itemId: string) =>
    record.actions
      .filter((action) => action.agendaItemId === itemId)
      .map((action) => [
        action.reference ?? '',
        action.text,
        action.owner,
        action.dueOn ? formatDate(action.dueOn) : 'No date',
        actionStatuses[action.status as keyof typeof actionStatuses] ?? action.status,
      ]);
  return {
    title: `Minutes: ${meeting.title}`,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      when: formatDateTime(meeting.startsAt),
      place: meeting.place ?? meeting.onlineUrl,
      bodies: meeting.bodies.map((body) => body.name).join(', '),
    },
    status,
    statusText,
    attendance,
    items: items.map((item) =>
      item.withheld
        ? {
            number: item.number,
            title: `exempt item, paragraph ${item.exemptParagraph ?? ''}`,
            withheld: true,
            declarations: [],
            minutes: [],
            decisions: [],
            actions: [],
          }
        : {
            number: item.number,
            title: item.title ?? '',
            withheld: false,
            declarations: declarations
              .filter((d) => d.agendaItemId === item.id)
              .map((d) => `${d.name}: ${d.kindLabel}, ${d.nature} (${d.participationLabel})`),
            minutes: record.minutes.filter((m) => m.agendaItemId === item.id).flatMap((m) => lines(m.text)),
            decisions: record.decisions
              .filter((d) => d.agendaItemId === item.id)
              .map((d) => `${d.text}${d.delegatedTo ? ` (delegated to ${d.delegatedTo})` : ''}`),
            actions: raisedAt(item.id),
          },
    ),
  };
}

const actionHeader = ['Number', 'Action', 'Owner', 'Due', 'Status'];

/** The minutes as a Word document in the house style (ADR 0038). */
export function minutesDocx(partnership: string, minutes: MinutesDocument): Promise<Buffer> {
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading: level });
  const body = minutes.items.flatMap((item) => [
    heading(`Item ${item.number}: ${item.title}`, HeadingLevel.HEADING_2),
    ...(item.withheld
      ? [new Paragraph('This item is exempt from publication and is not minuted in this document.')]
      : [
          ...(item.declarations.length
            ? [
                heading('Declarations of interest', HeadingLevel.HEADING_3),
                ...item.declarations.map((d) => new Paragraph(d)),
              ]
            : []),
          ...(item.minutes.length
            ? item.minutes.map((text) => new Paragraph(text))
            : [new Paragraph('No minutes.')]),
          ...(item.decisions.length
            ? [heading('Decisions', HeadingLevel.HEADING_3), ...item.decisions.map((d) => new Paragraph(d))]
            : []),
          ...(item.actions.length
            ? [heading('Actions', HeadingLevel.HEADING_3), dataTable([actionHeader, ...item.actions])]
            : []),
        ]),
  ]);
  return councilDocument({ partnership, title: minutes.title }, [
    heading(minutes.title, HeadingLevel.HEADING_1),
    dataTable(
      [
        ['Meeting', minutes.meeting.bodies],
        ['Date and time', minutes.meeting.when],
        ...(minutes.meeting.place ? [['Place', minutes.meeting.place]] : []),
        ['Status', minutes.statusText],
      ],
      { labels: true },
    ),
    heading('Attendance', HeadingLevel.HEADING_2),
    dataTable(minutes.attendance, { labels: true }),
    ...body,
  ]);
}
