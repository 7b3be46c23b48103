// The outcome frameworks a plan can be made with, as data: each with its source and date, and
// its outcomes (and enablers) in the source's order and words. A plan takes one framework when
// it is made; its framework rows are copied from here, so a priority links only to them.
import { ecmOutcomes } from '../indicators/index.ts';

export type FrameworkEntryKind = 'outcome' | 'enabler';

export interface FrameworkEntry {
  code: string;
  kind: FrameworkEntryKind;
  title: string;
}

export interface OutcomeFramework {
  title: string;
  /** The document the words come from. */
  source: string;
  /** When the source was published: a year and month. */
  published: string;
  link: string | null;
  /** For the plan form's hint. */
  summary: string;
  entries: FrameworkEntry[];
}

export const outcomeFrameworks = {
  'every-child-matters': {
    title: 'Every Child Matters',
    source:
      'Every Child Matters (green paper, Cm 5860, September 2003); the five outcomes of the Children Act 2004, section 10(2)',
    published: '2003-09',
    link: 'https://www.legislation.gov.uk/ukpga/2004/31/section/10',
    summary:
      'The five outcomes of the Every Child Matters green paper (2003) and the Children Act 2004, used until 2010',
    entries: Object.entries(ecmOutcomes).map(([code, title]) => ({ code, kind: 'outcome' as const, title })),
  },
  'national-framework-2023': {
    title: 'Children’s Social Care National Framework',
    source:
      'Children’s social care: national framework, statutory guidance, Department for Education, December 2023',
    published: '2023-12',
    link: 'https://www.gov.uk/government/publications/childrens-social-care-national-framework',
    summary:
      'The four outcomes and three enablers of the Department for Education’s statutory guidance of December 2023',
    entries: [
      {
        code: 'O1',
        kind: 'outcome',
        title: 'Children, young people and families stay together and get the help they need',
      },
      {
        code: 'O2',
        kind: 'outcome',
        title: 'Children and young people are supported by their family network',
      },
      {
        code: 'O3',
        kind: 'outcome',
        title: 'Children and young people are safe in and outside of their homes',
      },
      { code: 'O4', kind: 'outcome', title: 'Children in care and care leavers have stable, loving homes' },
      { code: 'E1', kind: 'enabler', title: 'Multi-agency working is prioritised and effective' },
      { code: 'E2', kind: 'enabler', title: 'Leaders drive conditions for effective practice' },
      { code: 'E3', kind: 'enabler', title: 'The workforce is equipped and effective' },
    ],
  },
} as const satisfies Record<string, OutcomeFramework>;

export type FrameworkKey = keyof typeof outcomeFrameworks;
export const frameworkValues = Object.keys(outcomeFrameworks) as [FrameworkKey, ...FrameworkKey[]];

/** The last day a new plan takes Every Child Matters when nobody says which framework. */
export const everyChildMattersUntil = '2010-10-31';

/** The framework a plan takes when none is chosen: Every Child Matters for a plan starting by
 * 31 October 2010, the National Framework for one starting later. */
export const defaultFramework = (startsOn: string): FrameworkKey =>
  startsOn <= everyChildMattersUntil ? 'every-child-matters' : 'national-framework-2023';

/** Whether a framework row is an outcome or an enabler (a local outcome is an outcome). */
export function entryKind(framework: FrameworkKey | null, code: string): FrameworkEntryKind {
  if (!framework) return 'outcome';
  const entries: readonly FrameworkEntry[] = outcomeFrameworks[framework].entries;
  return entries.find((entry) => entry.code === code)?.kind ?? 'outcome';
}

/** The framework's name with its source's date, like "Every Child Matters (September 2003)". */
export function frameworkLabel(framework: FrameworkKey): string {
  const { title, published } = outcomeFrameworks[framework];
  const [year, month] = published.split('-');
  const monthName = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${title} (${monthName} ${year})`;
}
