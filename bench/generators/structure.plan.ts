// What the structure step makes for one partnership, drawn from the seeded stream before the
// database is looked at (so a re-run draws the same): its organisations across the sectors,
// its bodies with their history, how they relate, and each body's seats and members as the
// rows of a membership list (the shape `readMembershipFile` gives the import).
//
// The shape follows the seeded partnerships (Dudley's board of 30 seats): a board, an
// executive board, 4-8 sub-groups, 1-3 local partnerships, a young people's board, and three
// external bodies (the safeguarding partnership, the Health and Wellbeing Board, the Local
// Strategic Partnership). About 390 people a partnership, so about 60,000 over 153.
import type { BodyKind, BodyStatus, RelationshipKind } from '../../src/modules/bodies/index.ts';
import type { SeatRule } from '../../src/modules/membership/index.ts';
import type { Services } from '../../src/services.ts';
import { benchBoardSlug } from '../identities.ts';
import type { Random } from '../random.ts';
import type { BenchPartnership } from './context.ts';
import { placeName, slugOf } from './partnerships.ts';
import {
  districtPrefixes,
  fireServiceFor,
  firstNames,
  jobTitles,
  lastNames,
  localCharities,
  nationalCharities,
  policeForces,
  privateProviders,
  schoolNames,
  subGroupThemes,
  type OrganisationWords,
} from './structure.words.ts';

/** A row of a membership list, as `readMembershipFile` reads it and the import takes it. */
export type ImportRow = Parameters<Services['membership']['importMembers']>[2][number];

/** A seat made before the import (the import makes plain member seats only). */
export interface PlannedSeat {
  label: string;
  role: 'chair' | 'vice-chair' | 'member' | 'in-attendance';
  voting: boolean;
  howFilled: 'ex-officio' | 'elected' | 'nominated' | 'appointed' | 'co-opted';
  capacity: number;
  independent?: boolean;
  rule?: SeatRule;
}

export interface PlannedEvent {
  status: BodyStatus;
  effectiveOn: string;
  newName?: string;
  /** The other body of a merger, by slug. */
  relatedSlug?: string;
  detail?: string;
}

export interface PlannedBody {
  slug: string;
  name: string;
  kind: BodyKind;
  purpose: string;
  takesDecisions: boolean;
  focusType?: 'outcome' | 'age-range' | 'theme' | 'area';
  focus?: string;
  area?: string;
  membershipCap?: number;
  /** Established on (a year, a month or a day). */
  statusOn: string;
  /** Status changes after it was established, oldest first. */
  events: PlannedEvent[];
  /** Seats made before the import: chairs, seats in attendance, seats filled by a rule. */
  seats: PlannedSeat[];
  /** The membership list, imported in one go. Empty for external and former bodies. */
  rows: ImportRow[];
}

export interface PlannedRelationship {
  from: string;
  to: string;
  kind: RelationshipKind;
  startsOn?: string;
  endsOn?: string;
}

export interface StructurePlan {
  organisations: OrganisationWords[];
  /** In the order they are made: a merger's target before the body merged into it. */
  bodies: PlannedBody[];
  relationships: PlannedRelationship[];
  /** Distinct people the rows name. */
  people: number;
}

interface Person {
  name: string;
  email: string | null;
  jobTitle: string;
  organisation: OrganisationWords | null;
  youngPerson: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The partnership's organisations: one or more in every sector, how many drawn at random. */
function organisationsOf(random: Random, partnership: BenchPartnership) {
  const place = placeName(partnership.authority);
  const named = (template: string) => template.replaceAll('{place}', place);
  const org = (
    name: string,
    sector: OrganisationWords['sector'],
    category: OrganisationWords['category'],
  ) => ({
    name,
    sector,
    category,
  });
  const some = <T>(items: readonly T[], count: number): T[] => {
    const left = [...items];
    return Array.from(
      { length: Math.min(count, left.length) },
      () => left.splice(random.int(0, left.length - 1), 1)[0]!,
    );
  };
  const type = partnership.authority.type;
  const council = org(
    type === 'county council'
      ? `${place} County Council`
      : type === 'London borough'
        ? `London Borough of ${place}`
        : type === 'metropolitan borough'
          ? `${place} Metropolitan Borough Council`
          : `${place} Council`,
    'local-authority',
    'local-authority',
  );
  const police = random.pick(policeForces[partnership.authority.region] ?? ['Regional Police']);
  const list = {
    council,
    publicHealth: org(`Public Health ${place}`, 'local-authority', 'public-health'),
    districts:
      type === 'county council'
        ? some(districtPrefixes, random.int(3, 7)).map((prefix) =>
            org(`${prefix} ${place} District Council`, 'local-authority', 'district-council'),
          )
        : [],
    police: org(police, 'police', 'police'),
    probation: org(`Probation Service, ${partnership.authority.region}`, 'probation', 'probation'),
    yot: org(`${place} Youth Justice Service`, 'youth-justice', 'youth-offending-team'),
    icb: org(`NHS ${place} Integrated Care Board`, 'health', 'health-commissioner'),
    hospital: org(`${place} Hospitals NHS Foundation Trust`, 'health', 'health-provider'),
    community: random.chance(0.5)
      ? [org(`${place} Community Health NHS Trust`, 'health', 'health-provider')]
      : [],
    mental: random.chance(0.6)
      ? [org(`${place} Mental Health NHS Foundation Trust`, 'health', 'health-provider')]
      : [],
    gp: org(`${place} GP Federation`, 'health', 'gp'),
    schools: some(schoolNames, random.int(6, 10)).map((name) => org(named(name), 'school', 'school')),
    colleges: [
      org(`${place} College`, 'further-education', 'further-education'),
      ...(random.chance(0.4)
        ? [org(`${place} Sixth Form College`, 'further-education', 'further-education')]
        : []),
    ],
    jcp: org(`Jobcentre Plus, ${place}`, 'jobcentre-plus', 'jobcentre-plus'),
    voluntary: [
      org(`${place} Council for Voluntary Service`, 'voluntary-community', 'voluntary-community'),
      ...some(nationalCharities, random.int(3, 5)).map((name) =>
        org(name, 'voluntary-community', 'voluntary-community'),
      ),
      ...some(localCharities, random.int(1, 3)).map((name) =>
        org(named(name), 'voluntary-community', 'voluntary-community'),
      ),
    ],
    private: some(privateProviders, random.int(1, 3)).map((name) =>
      org(named(name), 'private', 'private-sector'),
    ),
    faith: org(`${place} Faith Forum`, 'faith', 'faith'),
    fire: org(fireServiceFor(police), 'fire', 'fire'),
    parents: org(`${place} Parent Carer Forum`, 'voluntary-community', 'parents-carers'),
    youth: org(`${place} Youth Council`, 'other', 'young-people'),
  };
  return list;
}

type Organisations = ReturnType<typeof organisationsOf>;

/**
 * The size of the sub-groups and local partnerships (a multiple of their usual size) that
 * gives about `people` people a partnership: the board, executive board and young people's
 * board bring about 40 whatever the size; the rest about 335 at size 1 (measured over the
 * 153 partnerships with the default seed).
 */
export const sizeFor = (people: number) => Math.max(0.05, (people - 40) / 335);

/** @param size see `sizeFor`. */
export function planStructure(random: Random, partnership: BenchPartnership, size = 1): StructurePlan {
  const place = placeName(partnership.authority);
  const orgs = organisationsOf(random, partnership);
  const allOrganisations: OrganisationWords[] = [
    orgs.council,
    orgs.publicHealth,
    ...orgs.districts,
    orgs.police,
    orgs.probation,
    orgs.yot,
    orgs.icb,
    orgs.hospital,
    ...orgs.community,
    ...orgs.mental,
    orgs.gp,
    ...orgs.schools,
    ...orgs.colleges,
    orgs.jcp,
    ...orgs.voluntary,
    ...orgs.private,
    orgs.faith,
    orgs.fire,
    orgs.parents,
    orgs.youth,
  ];

  // People, each with a name unique in the partnership (the import matches people by name).
  const names = new Set<string>();
  const people: Person[] = [];
  const domainOf = (organisation: OrganisationWords | null) =>
    organisation ? `${slugOf(organisation.name).slice(0, 30).replace(/-$/, '')}.example.org` : 'example.org';
  function newPerson(organisation: OrganisationWords | null, jobTitle?: string, youngPerson = false): Person {
    let first = random.pick(firstNames);
    let last = random.pick(lastNames);
    for (let tries = 0; names.has(`${first} ${last}`) && tries < 20; tries++) {
      first = random.pick(firstNames);
      last = random.pick(lastNames);
    }
    let name = `${first} ${last}`;
    for (let n = 2; names.has(name); n++)
      name = `${first} ${String.fromCharCode(64 + (n % 26) + 1)}. ${last}`;
    names.add(name);
    const local = slugOf(name).replaceAll('-', '.');
    const person: Person = {
      name,
      email: youngPerson ? null : `${local}@${domainOf(organisation)}`,
      jobTitle:
        jobTitle ?? (organisation ? random.pick(jobTitles[organisation.sector]) : 'Independent chair'),
      organisation,
      youngPerson,
    };
    people.push(person);
    return person;
  }

  // Dates: the partnership's establishment; members joined since, up to mid-2026.
  const established = partnership.established ?? `${random.int(2004, 2012)}`;
  const startYear = Number(established.slice(0, 4));
  const yearOf = (statusOn: string) => Number(statusOn.slice(0, 4));
  const someDate = (fromYear: number, toYear: number) => {
    const year = random.int(fromYear, toYear);
    return `${year}-${pad(random.int(1, year === 2026 ? 6 : 12))}-${pad(random.int(1, 28))}`;
  };
  const someMonth = (fromYear: number, toYear: number) =>
    random.chance(0.5)
      ? `${random.int(fromYear, toYear)}`
      : `${random.int(fromYear, toYear)}-${pad(random.int(1, 12))}`;

  function membershipList(body: PlannedBody, places: { seat: string; person: Person }[]): ImportRow[] {
    const firstYear = Math.max(yearOf(body.statusOn) + 1, 2014);
    return places.map(({ seat, person }, index) => {
      const from = someDate(firstYear, 2026);
      return {
        line: index + 2,
        seat,
        seatRole: null,
        category: null,
        voting: null,
        places: null,
        substituteFor: null,
        name: person.name,
        jobTitle: person.jobTitle,
        email: person.email,
        organisation: person.organisation?.name ?? null,
        youngPerson: person.youngPerson,
        from,
        // About one in eight has a term that ends; some within the next few months.
        until: random.chance(0.12) ? someDate(2027, 2029) : null,
        seatFrom: null,
        seatUntil: null,
      };
    });
  }
  const label = (person: Person) =>
    person.organisation ? `${person.jobTitle}, ${person.organisation.name}` : person.jobTitle;

  // A sub-group or local partnership draws its members from these, the council most.
  const weighted = (o: Organisations): OrganisationWords[] => [
    ...Array<OrganisationWords>(6).fill(o.council),
    o.publicHealth,
    ...o.districts,
    ...o.districts,
    o.police,
    o.police,
    o.probation,
    o.yot,
    o.icb,
    o.icb,
    o.hospital,
    o.hospital,
    ...o.community,
    ...o.mental,
    o.gp,
    ...o.schools,
    ...o.colleges,
    o.jcp,
    ...o.voluntary,
    ...o.private,
    o.faith,
    o.fire,
    o.parents,
  ];
  const pool = weighted(orgs);

  const bodies: PlannedBody[] = [];
  const body = (
    values: Omit<PlannedBody, 'events' | 'seats' | 'rows'> & Partial<PlannedBody>,
  ): PlannedBody => {
    const made = { events: [], seats: [], rows: [], ...values };
    bodies.push(made);
    return made;
  };
  const chairSeat = (independent = false): PlannedSeat => ({
    label: 'Chair',
    role: 'chair',
    voting: true,
    howFilled: independent ? 'appointed' : 'elected',
    capacity: 1,
    independent,
  });

  // External bodies the partnership relates to.
  const safeguardingRenamed = random.chance(0.9) ? someDate(2019, 2019) : null;
  const safeguarding = body({
    slug: 'safeguarding-partnership',
    name: `${place} Local Safeguarding Children Board`,
    kind: 'safeguarding-board',
    purpose: 'Coordinates and checks the effectiveness of what is done to safeguard children.',
    takesDecisions: true,
    statusOn: '2006-04',
    events: safeguardingRenamed
      ? [
          {
            status: 'renamed',
            effectiveOn: safeguardingRenamed,
            newName: `${place} Safeguarding Children Partnership`,
            detail: 'Multi-agency safeguarding arrangements (Children and Social Work Act 2017)',
          },
        ]
      : [],
  });
  const healthAndWellbeing = body({
    slug: 'health-and-wellbeing-board',
    name: `${place} Health and Wellbeing Board`,
    kind: 'health-and-wellbeing-board',
    purpose: 'The statutory Health and Wellbeing Board (Health and Social Care Act 2012).',
    takesDecisions: true,
    statusOn: '2013-04',
  });
  const lspEnded = random.chance(0.3) ? someDate(2010, 2012) : null;
  const lsp = body({
    slug: 'local-strategic-partnership',
    name: `${place} Local Strategic Partnership`,
    kind: 'local-strategic-partnership',
    purpose: 'Brings the public, private, voluntary and community sectors together for the area.',
    takesDecisions: false,
    statusOn: `${random.int(2000, 2003)}`,
    events: lspEnded ? [{ status: 'dissolved', effectiveOn: lspEnded }] : [],
  });

  // The board: about 30 seats in the order a constitution lists them, like Dudley's.
  const subGroupCount = random.int(4, 8);
  const independentChair = random.chance(0.5);
  const trust = partnership.name.replace(/ Board$/, '');
  const board = body({
    slug: benchBoardSlug,
    name: `${trust} Board`,
    kind: 'board',
    purpose: `Leads ${partnership.name}: agrees the plan and holds the partners to account for it.`,
    takesDecisions: true,
    ...(random.chance(0.5) ? { membershipCap: 32 } : {}),
    statusOn: established,
    seats: [
      chairSeat(independentChair),
      { label: 'Vice-chair', role: 'vice-chair', voting: true, howFilled: 'elected', capacity: 1 },
      {
        label: 'The chairs of the sub-groups (if not already members)',
        role: 'member',
        voting: true,
        howFilled: 'ex-officio',
        capacity: subGroupCount,
        rule: { kind: 'chairs-of', bodyKinds: ['sub-group'], unlessAlreadyMember: true },
      },
      {
        label: 'The chair of the safeguarding children partnership',
        role: 'member',
        voting: true,
        howFilled: 'ex-officio',
        capacity: 1,
        rule: { kind: 'chairs-of', bodies: [safeguarding.slug] },
      },
      {
        label: 'Head of Partnership Support (in attendance)',
        role: 'in-attendance',
        voting: false,
        howFilled: 'ex-officio',
        capacity: 1,
      },
    ],
  });
  const dcs = newPerson(orgs.council, 'Director of Children’s Services');
  const boardPlaces: { seat: string; person: Person }[] = [
    {
      seat: 'Chair',
      person: independentChair
        ? newPerson(null, 'Independent chair')
        : newPerson(orgs.council, 'Cabinet Member for Children and Young People'),
    },
    { seat: 'Vice-chair', person: newPerson(orgs.icb, 'Director of Nursing') },
    {
      seat: 'Head of Partnership Support (in attendance)',
      person: newPerson(orgs.council, 'Head of Partnership Support'),
    },
    { seat: label(dcs), person: dcs },
  ];
  const boardSeat = (
    organisation: OrganisationWords | undefined,
    jobTitle: string,
    seat?: string,
    chance = 1,
  ) => {
    if (!organisation || !random.chance(chance)) return;
    const person = newPerson(organisation, jobTitle);
    boardPlaces.push({ seat: seat ?? label(person), person });
  };
  boardSeat(orgs.council, 'Assistant Director, Early Help');
  boardSeat(orgs.council, 'Assistant Director, Education and Inclusion');
  if (independentChair) boardSeat(orgs.council, 'Cabinet Member for Children and Young People');
  boardSeat(orgs.publicHealth, 'Director of Public Health');
  boardSeat(orgs.police, 'Chief Superintendent');
  boardSeat(orgs.probation, 'Head of Probation Delivery Unit', undefined, 0.9);
  boardSeat(orgs.yot, 'Head of Youth Justice Service', undefined, 0.95);
  boardSeat(orgs.icb, 'Head of Children’s Commissioning', undefined, 0.9);
  boardSeat(orgs.hospital, 'Chief Executive');
  boardSeat(orgs.hospital, 'Designated Doctor for Safeguarding');
  boardSeat(orgs.mental[0], 'Director of Operations, CAMHS');
  boardSeat(orgs.community[0], 'Director of Children’s Community Services');
  boardSeat(orgs.gp, 'Named GP for Safeguarding', 'A general practitioner nominated by the GP Federation');
  const [primary1, primary2, secondary, special] = orgs.schools;
  boardSeat(primary1, 'Headteacher', 'Elected primary headteachers');
  boardSeat(primary2, 'Headteacher', 'Elected primary headteachers');
  boardSeat(secondary, 'Headteacher', 'An elected secondary headteacher');
  boardSeat(special, 'Headteacher', 'An elected special school headteacher', 0.8);
  boardSeat(orgs.colleges[0], 'Principal', 'A further education college principal', 0.9);
  boardSeat(orgs.jcp, 'Partnership Manager', undefined, 0.85);
  for (const voluntary of orgs.voluntary.slice(0, random.int(2, 4))) boardSeat(voluntary, 'Chief Executive');
  boardSeat(orgs.fire, 'Group Commander, Prevention', undefined, 0.7);
  boardSeat(orgs.private[0], 'Managing Director', 'A representative of private sector providers', 0.5);
  boardSeat(orgs.faith, 'Faith Forum Coordinator', 'A representative of faith communities', 0.5);
  boardSeat(orgs.parents, 'Chair', 'The chair of the parent carer forum');
  for (const district of orgs.districts.slice(0, random.int(1, 3)))
    boardSeat(district, 'Head of Communities', 'District council representatives', 0.9);
  for (let i = 0; i < 2; i++)
    boardPlaces.push({
      seat: 'Young people’s representatives',
      person: newPerson(orgs.youth, 'Member', true),
    });
  board.rows = membershipList(board, boardPlaces);

  // The executive board: officers, most of them on the board too.
  const executive = body({
    slug: 'executive-board',
    name: `${trust} Executive Board`,
    kind: 'executive-board',
    purpose: 'Leads the work between the board’s meetings and manages the sub-groups’ delivery.',
    takesDecisions: true,
    statusOn: established,
    seats: [chairSeat()],
  });
  const boardAdults = boardPlaces
    .map((place) => place.person)
    .filter((person) => !person.youngPerson && person.organisation && person !== dcs);
  const executives = [dcs, ...boardAdults.filter(() => random.chance(0.45))];
  const executiveSize = random.int(12, 18);
  while (executives.length < executiveSize)
    executives.push(
      newPerson(random.pick([orgs.council, orgs.council, orgs.icb, orgs.police, orgs.hospital])),
    );
  executive.rows = membershipList(
    executive,
    executives.map((person, index) => ({ seat: index === 0 ? 'Chair' : label(person), person })),
  );

  // Sub-groups, each chaired by an executive, reporting to the board or the executive board.
  const themes = [...subGroupThemes];
  const subGroups: PlannedBody[] = [];
  const earlierMembers: Person[] = [];
  const chairs = executives.slice(1);
  for (let i = 0; i < subGroupCount; i++) {
    const theme = themes.splice(random.int(0, themes.length - 1), 1)[0]!;
    const renamedOn = random.chance(0.25) ? someDate(Math.max(startYear + 2, 2012), 2023) : null;
    const group = body({
      slug: theme.slug,
      name: renamedOn ? `${theme.name} Group` : `${theme.name} Sub-group`,
      kind: 'sub-group',
      purpose: `Leads the partnership’s work on ${theme.name.toLowerCase()} and reports on its part of the plan.`,
      takesDecisions: false,
      focusType: theme.focusType,
      focus: theme.name,
      statusOn: someMonth(startYear, Math.max(startYear, 2020)),
      seats: [chairSeat()],
    });
    if (renamedOn && renamedOn.slice(0, 4) > group.statusOn.slice(0, 4))
      group.events.push({ status: 'renamed', effectiveOn: renamedOn, newName: `${theme.name} Sub-group` });
    if (random.chance(0.1))
      group.events.push({
        status: 'under-review',
        effectiveOn: '2026-09-01',
        detail: 'Annual review of the sub-groups',
      });
    const chair = chairs.length ? chairs.splice(random.int(0, chairs.length - 1), 1)[0]! : dcs;
    const places = [{ seat: 'Chair', person: chair }];
    const count = Math.max(6, Math.round(random.int(35, 60) * size));
    const here = new Set([chair]);
    while (places.length < count) {
      const again = earlierMembers.length && random.chance(0.1) ? random.pick(earlierMembers) : null;
      const person = again && !here.has(again) ? again : newPerson(random.pick(pool));
      here.add(person);
      places.push({ seat: label(person), person });
    }
    earlierMembers.push(...places.slice(1).map((place) => place.person));
    group.rows = membershipList(group, places);
    subGroups.push(group);
  }

  // A sub-group of the past, merged into one of today's.
  let mergedOn = '';
  const merged =
    random.chance(0.3) && themes.length
      ? (() => {
          const theme = random.pick(themes);
          const into = random.pick(subGroups);
          mergedOn = someDate(Math.max(yearOf(into.statusOn) + 1, startYear + 1, 2012), 2022);
          return body({
            slug: `${theme.slug}-former`,
            name: `${theme.name} Sub-group`,
            kind: 'sub-group',
            purpose: `Led the partnership’s work on ${theme.name.toLowerCase()} until it merged.`,
            takesDecisions: false,
            focusType: theme.focusType,
            focus: theme.name,
            statusOn: `${startYear}`,
            events: [{ status: 'merged-into', effectiveOn: mergedOn, relatedSlug: into.slug }],
          });
        })()
      : null;

  // Local partnerships: the districts of a county, parts of the borough elsewhere.
  const areas = orgs.districts.length
    ? orgs.districts.map((district) => district.name.replace(/ District Council$/, ''))
    : districtPrefixes.slice(0, 5).map((prefix) => `${prefix} ${place}`);
  const locals: PlannedBody[] = [];
  for (let i = random.int(1, 3); i > 0 && areas.length; i--) {
    const area = areas.splice(random.int(0, areas.length - 1), 1)[0]!;
    const local = body({
      slug: `${slugOf(area)}-local-partnership`,
      name: `${area} Children and Families Partnership`,
      kind: 'local-partnership',
      purpose: `Brings schools, services and communities in ${area} together around local families.`,
      takesDecisions: false,
      focusType: 'area',
      focus: area,
      area,
      statusOn: someMonth(startYear, Math.max(startYear, 2020)),
      seats: [chairSeat()],
    });
    const places: { seat: string; person: Person }[] = [];
    const count = Math.max(6, Math.round(random.int(30, 55) * size));
    const here = new Set<Person>();
    while (places.length < count) {
      const again = earlierMembers.length && random.chance(0.1) ? random.pick(earlierMembers) : null;
      const person = again && !here.has(again) ? again : newPerson(random.pick(pool));
      here.add(person);
      places.push({ seat: places.length ? label(person) : 'Chair', person });
    }
    local.rows = membershipList(local, places);
    locals.push(local);
  }

  // The young people's board: young people, whose names are never shown in public.
  const youngPeoples = body({
    slug: 'young-peoples-board',
    name: `${place} Young People’s Board`,
    kind: 'young-peoples-board',
    purpose: 'Makes sure the views of children and young people are heard and acted on.',
    takesDecisions: false,
    statusOn: someMonth(startYear, Math.max(startYear, 2018)),
    seats: [chairSeat()],
  });
  youngPeoples.rows = membershipList(
    youngPeoples,
    Array.from({ length: random.int(10, 16) }, (_, index) => ({
      seat: index === 0 ? 'Chair' : 'Young people’s board members',
      person: newPerson(random.chance(0.7) ? orgs.youth : random.pick(orgs.schools), 'Member', true),
    })),
  );

  const relationships: PlannedRelationship[] = [
    { from: executive.slug, to: board.slug, kind: 'accountable-to' },
    ...subGroups.map((group) => ({
      from: group.slug,
      to: random.chance(0.7) ? board.slug : executive.slug,
      kind: 'reports-to' as const,
    })),
    ...locals.map((local) => ({ from: local.slug, to: executive.slug, kind: 'reports-to' as const })),
    { from: youngPeoples.slug, to: board.slug, kind: 'informs' },
    { from: board.slug, to: healthAndWellbeing.slug, kind: 'reports-to', startsOn: '2013-04-01' },
    {
      from: board.slug,
      to: lsp.slug,
      kind: 'sub-function-of',
      ...(lspEnded ? { endsOn: lspEnded } : {}),
    },
    { from: safeguarding.slug, to: board.slug, kind: 'informs' },
    { from: board.slug, to: safeguarding.slug, kind: 'informs' },
    ...(merged ? [{ from: merged.slug, to: board.slug, kind: 'reports-to' as const, endsOn: mergedOn }] : []),
  ];

  return { organisations: allOrganisations, bodies, relationships, people: people.length };
}
