// A consultation's results as they may be shared: counts per question, overall and by age band
// and by area, with small numbers suppressed ("[c]", as the surveys do, SUPPRESSION_THRESHOLD)
// and enough others suppressed with them that none can be worked out from the rest; theme
// counts of the coded free-text answers; and quotes, only of answers a moderator approved.
// Pure: the service reads the rows and hands them in.
import { isSmallCount, suppressedMark } from '../surveys/index.ts';
import { choicesOf } from './voice.answers.ts';
import { ageBands } from './voice.vocabulary.ts';

export interface ResultQuestion {
  id: string;
  position: number;
  text: string;
  kind: string;
  choices: string[];
}
export interface ResultAnswer {
  questionId: string;
  choices: string[];
  text: string | null;
  moderation: string | null;
  theme: string | null;
  ageBand: string | null;
  area: string | null;
}
export interface ResultTheme {
  code: string;
  title: string;
}

/** A cell as shared: the number, or null where it is suppressed. */
export type Shared = number | null;
export const shown = (value: Shared): string => (value === null ? suppressedMark : String(value));

/**
 * Suppresses a table of counts: each count from 1 to threshold - 1, then, while a row or a column
 * has exactly one suppressed cell (which its total or the others would give away), its smallest
 * other non-zero cell too.
 */
export function suppressTable(counts: number[][], threshold: number): Shared[][] {
  const hidden = counts.map((row) => row.map((n) => isSmallCount(n, threshold)));
  const lines = (): [number, number][][] => [
    ...counts.map((row, r) => row.map((_, c) => [r, c] as [number, number])),
    ...(counts[0] ?? []).map((_, c) => counts.map((_, r) => [r, c] as [number, number])),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines()) {
      if (line.filter(([r, c]) => hidden[r]![c]).length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => !hidden[r]![c] && counts[r]![c]! > 0)
        .sort(([r1, c1], [r2, c2]) => counts[r1]![c1]! - counts[r2]![c2]!);
      const next = candidates[0];
      if (next) {
        hidden[next[0]]![next[1]] = true;
        changed = true;
      }
    }
  }
  return counts.map((row, r) => row.map((n, c) => (hidden[r]![c] ? null : n)));
}

export interface SharedRow {
  label: string;
  cells: Shared[];
  total: Shared;
}
export interface QuestionResult {
  id: string;
  position: number;
  text: string;
  kind: string;
  columns: string[];
  all: SharedRow;
  byAge: SharedRow[];
  byArea: SharedRow[];
  themes: { code: string; title: string; count: Shared }[];
  quotes: { text: string; theme: string | null }[];
}

function table(
  columns: string[],
  groups: { label: string; answers: ResultAnswer[] }[],
  multiple: boolean,
  threshold: number,
): SharedRow[] {
  const counts = groups.map((group) => [
    ...columns.map((column) => group.answers.filter((a) => a.choices.includes(column)).length),
    // how many answered: for one choice the row's sum, for several the people
    multiple ? group.answers.length : group.answers.filter((a) => a.choices.length).length,
  ]);
  return suppressTable(counts, threshold).map((row, index) => ({
    label: groups[index]!.label,
    cells: row.slice(0, columns.length),
    total: row[columns.length] ?? null,
  }));
}

export function resultsOf(
  questions: ResultQuestion[],
  answers: ResultAnswer[],
  themes: ResultTheme[],
  areas: string[],
  threshold: number,
): QuestionResult[] {
  return questions.map((q) => {
    const mine = answers.filter((a) => a.questionId === q.id);
    if (q.kind === 'text') {
      const counts = suppressTable(
        [[...themes.map((t) => mine.filter((a) => a.theme === t.code).length), mine.length]],
        threshold,
      )[0]!;
      return {
        id: q.id,
        position: q.position,
        text: q.text,
        kind: q.kind,
        columns: [],
        all: { label: 'All', cells: [], total: counts[themes.length] ?? null },
        byAge: [],
        byArea: [],
        themes: themes.map((t, index) => ({ code: t.code, title: t.title, count: counts[index] ?? null })),
        // only what a moderator approved, with nothing that says who wrote it
        quotes: mine
          .filter((a) => a.moderation === 'approved' && a.text)
          .map((a) => ({ text: a.text!, theme: themes.find((t) => t.code === a.theme)?.title ?? null })),
      };
    }
    const columns = choicesOf(q);
    const ageGroups = Object.entries(ageBands).map(([key, label]) => ({
      label,
      answers: mine.filter((a) => a.ageBand === key),
    }));
    const areaGroups = areas.map((area) => ({ label: area, answers: mine.filter((a) => a.area === area) }));
    const notGiven = (key: 'ageBand' | 'area') => ({
      label: 'Not given',
      answers: mine.filter((a) => !a[key] || (key === 'area' && !areas.includes(a.area!))),
    });
    const all = { label: 'All', answers: mine };
    const multiple = q.kind === 'choices';
    // each breakdown is suppressed with the whole, so no count is given away between them
    const byAge = table(columns, [all, ...ageGroups, notGiven('ageBand')], multiple, threshold);
    const byArea = areas.length
      ? table(columns, [all, ...areaGroups, notGiven('area')], multiple, threshold)
      : [];
    const overall = byAge[0]!;
    if (byArea[0])
      overall.cells = overall.cells.map((cell, index) => (byArea[0]!.cells[index] === null ? null : cell));
    if (byArea[0] && byArea[0].total === null) overall.total = null;
    return {
      id: q.id,
      position: q.position,
      text: q.text,
      kind: q.kind,
      columns,
      all: overall,
      byAge: byAge.slice(1),
      byArea: byArea.slice(1),
      themes: [],
      quotes: [],
    };
  });
}

/** The "about you" answers, counted and suppressed alike. */
export function respondentsOf(
  responses: { ageBand: string | null; area: string | null }[],
  areas: string[],
  threshold: number,
) {
  const ages = [
    ...Object.entries(ageBands).map(([key, label]) => ({ key, label })),
    { key: null, label: 'Not given' },
  ];
  const ageCounts = suppressTable(
    [
      [
        ...ages.map((age) => responses.filter((r) => (r.ageBand ?? null) === age.key).length),
        responses.length,
      ],
    ],
    threshold,
  )[0]!;
  const places = [
    ...areas.map((area) => ({ key: area as string | null, label: area })),
    { key: null, label: 'Not given' },
  ];
  const areaCounts = suppressTable(
    [
      [
        ...places.map(
          (p) => responses.filter((r) => (areas.includes(r.area ?? '') ? r.area : null) === p.key).length,
        ),
        responses.length,
      ],
    ],
    threshold,
  )[0]!;
  return {
    total: responses.length,
    byAge: ages.map((age, index) => ({ label: age.label, count: ageCounts[index] ?? null })),
    byArea: areas.length
      ? places.map((p, index) => ({ label: p.label, count: areaCounts[index] ?? null }))
      : [],
  };
}
