// The words the structure step builds a partnership from: organisations by sector and
// statutory category, the themes of sub-groups, seat labels, job titles and people's names.
// Plain data; structure.plan.ts draws from it with the step's seeded stream.
import type { Category, Sector } from '../../src/modules/membership/index.ts';

/** An organisation of the partnership, its sector and statutory category. */
export interface OrganisationWords {
  name: string;
  sector: Sector;
  category: Category | null;
}

// prettier-ignore
export const policeForces: Record<string, string[]> = {
  'North East': ['Northumbria Police', 'Durham Constabulary', 'Cleveland Police'],
  'North West': ['Greater Manchester Police', 'Merseyside Police', 'Lancashire Constabulary', 'Cheshire Constabulary', 'Cumbria Constabulary'],
  'Yorkshire and The Humber': ['West Yorkshire Police', 'South Yorkshire Police', 'North Yorkshire Police', 'Humberside Police'],
  'East Midlands': ['Derbyshire Constabulary', 'Nottinghamshire Police', 'Leicestershire Police', 'Lincolnshire Police', 'Northamptonshire Police'],
  'West Midlands': ['West Midlands Police', 'West Mercia Police', 'Staffordshire Police', 'Warwickshire Police'],
  'East of England': ['Bedfordshire Police', 'Cambridgeshire Constabulary', 'Essex Police', 'Hertfordshire Constabulary', 'Norfolk Constabulary', 'Suffolk Constabulary'],
  'Inner London': ['Metropolitan Police Service'],
  'Outer London': ['Metropolitan Police Service'],
  'South East': ['Kent Police', 'Sussex Police', 'Surrey Police', 'Hampshire and Isle of Wight Constabulary', 'Thames Valley Police'],
  'South West': ['Avon and Somerset Police', 'Devon and Cornwall Police', 'Dorset Police', 'Gloucestershire Constabulary', 'Wiltshire Police'],
};

/** A fire service named after the police force's area ("West Midlands Police" → "West Midlands Fire and Rescue Service"). */
export const fireServiceFor = (police: string) =>
  police === 'Metropolitan Police Service'
    ? 'London Fire Brigade'
    : `${police.replace(/ (Police|Constabulary)$/, '')} Fire and Rescue Service`;

// prettier-ignore
export const nationalCharities = [
  'Barnardo’s', 'Action for Children', 'NSPCC', 'The Children’s Society', 'Catch22', 'Family Action',
  'Home-Start UK', 'YMCA', 'Mencap', 'Young Minds', 'The Prince’s Trust', 'Relate',
];

// prettier-ignore
export const localCharities = [
  '{place} Mind', 'Citizens Advice {place}',
  '{place} Women’s Aid', '{place} Young Carers', '{place} Youth Association', '{place} Carers Centre',
];

// prettier-ignore
export const privateProviders = [
  'Bright Horizons Family Solutions', 'Kids Planet Day Nurseries', 'Busy Bees Nurseries',
  '{place} Chamber of Commerce', 'Compass Fostering', 'Keys Group',
];

// prettier-ignore
export const schoolNames = [
  '{place} Academy', '{place} High School', 'St Mary’s Catholic Primary School', 'Oakfield Primary School',
  'Meadowbank Primary School', 'Church of England Primary School, {place}', 'Riverside Community School',
  'Hillcrest Special School', '{place} Pupil Referral Unit', 'Greenfield Nursery School',
  'St John’s Church of England Academy', 'Valley Park Secondary School', 'Kingsway Junior School',
  'Northfield Infant School', '{place} Grammar School',
];

// prettier-ignore
export const districtPrefixes = ['North', 'South', 'East', 'West', 'Mid', 'Central', 'Upper', 'Lower'];

/** Sub-groups: what each focuses on (outcome, theme or age range). */
// prettier-ignore
export const subGroupThemes = [
  { name: 'Early Help', slug: 'early-help', focusType: 'theme' },
  { name: 'Emotional Health and Wellbeing', slug: 'emotional-health', focusType: 'outcome' },
  { name: 'Education, Skills and Employment', slug: 'education-skills', focusType: 'outcome' },
  { name: 'Safer Communities', slug: 'safer-communities', focusType: 'outcome' },
  { name: 'Healthy Lives', slug: 'healthy-lives', focusType: 'outcome' },
  { name: 'Best Start in Life', slug: 'best-start', focusType: 'age-range' },
  { name: 'Youth Offer', slug: 'youth-offer', focusType: 'age-range' },
  { name: 'Special Educational Needs and Disabilities', slug: 'send', focusType: 'theme' },
  { name: 'Children in Care and Care Leavers', slug: 'children-in-care', focusType: 'theme' },
  { name: 'Participation and Voice', slug: 'participation', focusType: 'theme' },
  { name: 'Domestic Abuse', slug: 'domestic-abuse', focusType: 'theme' },
  { name: 'Child Poverty', slug: 'child-poverty', focusType: 'outcome' },
  { name: 'Workforce Development', slug: 'workforce', focusType: 'theme' },
  { name: 'Commissioning', slug: 'commissioning', focusType: 'theme' },
] as const;

/** Job titles by the sector of the organisation a person comes from. */
// prettier-ignore
export const jobTitles: Record<Sector, string[]> = {
  'local-authority': ['Director of Children’s Services', 'Assistant Director, Early Help', 'Head of Service, Children’s Social Care', 'Head of Education Improvement', 'Cabinet Member for Children and Young People', 'Partnership Manager', 'Service Manager, Youth Services', 'Commissioning Manager', 'Head of Inclusion', 'Principal Educational Psychologist', 'Strategic Lead, Family Hubs', 'Housing Options Manager'],
  health: ['Designated Nurse for Safeguarding', 'Director of Nursing', 'Consultant Paediatrician', 'Head of Children’s Commissioning', 'Clinical Lead, CAMHS', 'Named GP for Safeguarding', 'Health Visiting Service Lead', 'Consultant in Public Health', 'Director of Public Health', 'School Nursing Team Leader'],
  police: ['Chief Superintendent', 'Detective Chief Inspector, Public Protection', 'Superintendent, Neighbourhood Policing', 'Inspector, Early Intervention', 'Police Sergeant, Schools Liaison'],
  probation: ['Head of Probation Delivery Unit', 'Senior Probation Officer', 'Probation Service Manager'],
  'youth-justice': ['Head of Youth Justice Service', 'Youth Justice Team Manager', 'Youth Justice Practitioner'],
  school: ['Headteacher', 'Executive Headteacher', 'Deputy Headteacher', 'Special Educational Needs Coordinator', 'Chair of Governors', 'Designated Safeguarding Lead'],
  'further-education': ['Principal', 'Vice Principal, Students', 'Head of Student Support'],
  'higher-education': ['Head of the School of Social Work', 'Professor of Education', 'Pro Vice-Chancellor'],
  'jobcentre-plus': ['Partnership Manager', 'Work Coach Team Leader', 'District Employer and Partnership Manager'],
  'voluntary-community': ['Chief Executive', 'Chief Officer', 'Director of Services', 'Service Manager', 'Project Coordinator', 'Volunteer Trustee'],
  private: ['Managing Director', 'Regional Manager', 'Nursery Manager', 'Business Engagement Lead'],
  faith: ['Diocesan Director of Education', 'Faith Forum Coordinator', 'Youth Minister'],
  fire: ['Group Commander, Prevention', 'Station Manager', 'Community Safety Manager'],
  other: ['Coordinator', 'Chair', 'Manager'],
};

// prettier-ignore
export const firstNames = [
  'Aaliyah', 'Abdul', 'Adam', 'Aisha', 'Alan', 'Alex', 'Alice', 'Amara', 'Amelia', 'Amir', 'Andrew', 'Angela',
  'Anna', 'Anthony', 'Arjun', 'Barbara', 'Ben', 'Bethany', 'Bilal', 'Carl', 'Caroline', 'Catherine', 'Charlotte',
  'Chloe', 'Chris', 'Claire', 'Colin', 'Craig', 'Daniel', 'David', 'Deborah', 'Dev', 'Donna', 'Eleanor',
  'Elizabeth', 'Emma', 'Farhan', 'Fatima', 'Fiona', 'Gareth', 'Gemma', 'Grace', 'Graham', 'Hannah', 'Harry',
  'Hassan', 'Helen', 'Ian', 'Imogen', 'Isaac', 'Jack', 'James', 'Jane', 'Jasmine', 'Jennifer', 'Joanne', 'John',
  'Jonathan', 'Joseph', 'Julie', 'Karen', 'Kate', 'Kiran', 'Laura', 'Leanne', 'Lee', 'Lily', 'Lisa', 'Louise',
  'Lucy', 'Mark', 'Martin', 'Matthew', 'Mei', 'Michael', 'Michelle', 'Mohammed', 'Naomi', 'Neil', 'Niamh',
  'Nicola', 'Oliver', 'Omar', 'Patrick', 'Paul', 'Peter', 'Priya', 'Rachel', 'Rebecca', 'Rhys', 'Richard',
  'Robert', 'Rosa', 'Ruth', 'Samuel', 'Sarah', 'Simon', 'Sophie', 'Stephen', 'Susan', 'Thomas', 'Tom', 'Tariq',
  'Victoria', 'Wei', 'William', 'Yasmin', 'Zara', 'Zoe',
];

// prettier-ignore
export const lastNames = [
  'Adams', 'Ahmed', 'Ali', 'Allen', 'Anderson', 'Atkinson', 'Bailey', 'Baker', 'Begum', 'Bell', 'Bennett',
  'Brown', 'Butler', 'Campbell', 'Carter', 'Chapman', 'Chen', 'Clarke', 'Collins', 'Cook', 'Cooper', 'Cox',
  'Davies', 'Dixon', 'Edwards', 'Ellis', 'Evans', 'Fletcher', 'Foster', 'Gill', 'Graham', 'Gray', 'Green',
  'Hall', 'Harris', 'Harrison', 'Hill', 'Holmes', 'Hughes', 'Hussain', 'Jackson', 'James', 'Johnson', 'Jones',
  'Kaur', 'Kelly', 'Khan', 'King', 'Knight', 'Lee', 'Lewis', 'Lloyd', 'Marshall', 'Martin', 'Mason', 'Mills',
  'Mitchell', 'Moore', 'Morgan', 'Morris', 'Murphy', 'Nguyen', 'Owen', 'Palmer', 'Parker', 'Patel', 'Phillips',
  'Price', 'Rahman', 'Richards', 'Roberts', 'Robinson', 'Rogers', 'Russell', 'Scott', 'Shah', 'Shaw', 'Singh',
  'Smith', 'Stevens', 'Stewart', 'Taylor', 'Thomas', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson', 'White',
  'Wilkinson', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young',
];
