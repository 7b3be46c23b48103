// Organisations' sectors, the statutory partner categories the rule sets test, and the words
// for seats.

export const sectors = {
  'local-authority': 'Local authority',
  health: 'Health',
  police: 'Police',
  probation: 'Probation',
  'youth-justice': 'Youth justice',
  school: 'School',
  'further-education': 'Further education',
  'higher-education': 'Higher education (university)',
  'jobcentre-plus': 'Jobcentre Plus',
  'voluntary-community': 'Voluntary and community',
  private: 'Private',
  faith: 'Faith',
  fire: 'Fire and rescue',
  other: 'Other',
} as const;
export type Sector = keyof typeof sectors;
export const sectorValues = Object.keys(sectors) as [Sector, ...Sector[]];

/** The statutory partner categories of docs/COMPLIANCE (the rule sets test these). */
export const categories = {
  'local-authority': 'Local authority',
  'district-council': 'District council',
  police: 'Police',
  probation: 'Probation',
  'youth-offending-team': 'Youth offending team',
  'strategic-health-authority': 'Strategic Health Authority (to March 2013)',
  'primary-care-trust': 'Primary Care Trust (to March 2013)',
  'health-commissioner': 'Health commissioner (CCG, ICB; or an SHA or PCT not said which)',
  'health-provider': 'Health provider (NHS trust, hospital)',
  gp: 'General practitioner',
  'public-health': 'Public health',
  connexions: 'Connexions',
  'learning-and-skills-council': 'Learning and Skills Council',
  school: 'School',
  'further-education': 'Further education or sixth form college',
  // not a statutory partner of the Children Act 2004, but one that boards name (issue 24)
  'higher-education': 'University (higher education)',
  'jobcentre-plus': 'Jobcentre Plus',
  'voluntary-community': 'Voluntary and community sector',
  'private-sector': 'Private sector',
  fire: 'Fire and rescue',
  faith: 'Faith',
  'young-people': 'Children and young people',
  'parents-carers': 'Parents and carers',
} as const;
export type Category = keyof typeof categories;
export const categoryValues = Object.keys(categories) as [Category, ...Category[]];

export const seatRoles = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  'in-attendance': 'In attendance',
  // not members: never counted for quorum, compliance or members' attendance (issue 24, ADR 0041)
  observer: 'Observer',
  'note-taker': 'Note-taker',
} as const;
export type SeatRole = keyof typeof seatRoles;
export const seatRoleValues = Object.keys(seatRoles) as [SeatRole, ...SeatRole[]];
/** Seats whose holders are not members of the body: shown apart, counted for nothing. */
export const nonMemberSeatRoles: readonly SeatRole[] = ['in-attendance', 'observer', 'note-taker'];

export const howFilled = {
  'ex-officio': 'Ex officio',
  elected: 'Elected',
  nominated: 'Nominated',
  appointed: 'Appointed',
  'co-opted': 'Co-opted',
} as const;
export type HowFilled = keyof typeof howFilled;
export const howFilledValues = Object.keys(howFilled) as [HowFilled, ...HowFilled[]];

/**
 * Offices a seat can be held by, ex officio. "chair" and "vice-chair" name the office of another
 * body (the seat's office body: "the chair of the Local Safeguarding Children Board"); the rest
 * are posts of their own, the ones the rule sets name (Health and Social Care Act 2012 s194(2);
 * Children Act 2004 s16E and Working Together to Safeguard Children 2023).
 */
export const offices = {
  chair: 'Chair of a body',
  'vice-chair': 'Vice-chair of a body',
  councillor: 'Councillor of the local authority',
  'lead-member-childrens-services': 'Lead member for children’s services',
  'council-chief-executive': 'Chief executive of the local authority',
  'director-of-childrens-services': 'Director of children’s services',
  'director-of-adult-social-services': 'Director of adult social services',
  'director-of-public-health': 'Director of public health',
  'chief-officer-of-police': 'Chief officer of police',
  'police-and-crime-commissioner': 'Police and crime commissioner',
  'icb-chief-executive': 'Chief executive of the integrated care board',
  'healthwatch-representative': 'Representative of the Local Healthwatch organisation',
  'independent-scrutineer': 'Independent scrutineer of safeguarding arrangements',
} as const;
export type Office = keyof typeof offices;
export const officeValues = Object.keys(offices) as [Office, ...Office[]];
/** Offices held in another body, named with it. */
export const bodyOffices: readonly Office[] = ['chair', 'vice-chair'];

/**
 * A seat whose holders follow from other seats: "the chairs of the three age related
 * sub-groups (if not already included)", "the chair of the Local Safeguarding Children Board".
 */
export interface SeatRule {
  kind: 'chairs-of';
  /** The bodies whose chairs hold this seat, by slug; or every body of these kinds. */
  bodies?: string[];
  bodyKinds?: string[];
  /** Only when not already a member in another seat of the same body. */
  unlessAlreadyMember?: boolean;
}
