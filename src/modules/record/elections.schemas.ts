// The election form (ADR 0037): the seat, up to three nominees each with who proposed and
// seconded them and their votes, "by acclamation", and who was elected (or nobody).
import { z } from 'zod';
import { numberInput } from '../../platform/numbers.ts';
import type { ElectionInput } from './elections.service.ts';

export const nomineeRows = [1, 2, 3] as const;

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || null);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const person = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (uuidPattern.test(value)) return value;
    ctx.addIssue({ code: 'custom', message: 'Select the nominee from the list' });
    return z.NEVER;
  });
const votes = numberInput({
  label: 'Votes',
  whole: true,
  min: 0,
  max: 10_000,
  example: '7',
  optional: true,
  invalid: 'Votes must be a number, like 7',
}).transform((value) => value ?? null);

const nomineeFields = Object.fromEntries(
  nomineeRows.flatMap((n) => [
    [`nominee${n}Person`, person],
    [`nominee${n}ProposedBy`, text('Who proposed the nominee', 200)],
    [`nominee${n}SecondedBy`, text('Who seconded the nominee', 200)],
    [`nominee${n}Votes`, votes],
  ]),
) as Record<string, typeof person | typeof votes>;

export const electionSchema = z
  .object({
    seatId: z.uuid({ error: 'Select the seat the election was for' }),
    office: text('The office', 200),
    byAcclamation: z.preprocess((value) => value === 'yes', z.boolean()),
    elected: z.enum(['1', '2', '3', 'none'], { error: 'Select who was elected, or that nobody was' }),
    notes: text('Notes', 2000),
    ...nomineeFields,
  })
  .superRefine((value, ctx) => {
    const row = value as Record<string, unknown>;
    for (const n of nomineeRows) {
      const filled = [`nominee${n}ProposedBy`, `nominee${n}SecondedBy`, `nominee${n}Votes`].some(
        (field) => row[field] !== null,
      );
      if (!row[`nominee${n}Person`] && filled)
        ctx.addIssue({
          code: 'custom',
          path: [`nominee${n}Person`],
          message: `Select nominee ${n}, or leave their proposer, seconder and votes blank`,
        });
    }
    const gap = nomineeRows.find((n) => n > 1 && row[`nominee${n}Person`] && !row[`nominee${n - 1}Person`]);
    if (gap)
      ctx.addIssue({
        code: 'custom',
        path: [`nominee${gap - 1}Person`],
        message: `Name the nominees in order: select nominee ${gap - 1} before nominee ${gap}`,
      });
    if (!nomineeRows.some((n) => row[`nominee${n}Person`]))
      ctx.addIssue({ code: 'custom', path: ['nominee1Person'], message: 'Select the nominee' });
    if (value.elected !== 'none' && !row[`nominee${value.elected}Person`])
      ctx.addIssue({
        code: 'custom',
        path: ['elected'],
        message: `Nominee ${value.elected} is not named: select who was elected from the nominees named`,
      });
  })
  .transform((value): ElectionInput => {
    const row = value as Record<string, unknown>;
    const named = nomineeRows.filter((n) => row[`nominee${n}Person`]);
    return {
      seatId: value.seatId,
      office: value.office,
      byAcclamation: value.byAcclamation,
      notes: value.notes,
      nominees: named.map((n) => ({
        personId: row[`nominee${n}Person`] as string,
        proposedBy: row[`nominee${n}ProposedBy`] as string | null,
        secondedBy: row[`nominee${n}SecondedBy`] as string | null,
        votes: row[`nominee${n}Votes`] as number | null,
      })),
      elected: value.elected === 'none' ? null : named.indexOf(Number(value.elected) as 1 | 2 | 3),
    };
  });
