// The form of a rule set file in data/rulesets: rules as data, each with a condition in a small
// declarative language the evaluator understands.
import { z } from 'zod';

const list = z.array(z.string().min(1)).min(1);

export const bodySelectorSchema = z.strictObject({
  /** Bodies of these kinds (board, executive-board, safeguarding-board…). */
  kind: list.optional(),
  /** Only the partnership's own bodies (not external ones). */
  internal: z.boolean().optional(),
});
export type BodySelector = z.infer<typeof bodySelectorSchema>;

export const seatSelectorSchema = z.strictObject({
  /** Where the seat is. Default: any of the partnership's own bodies. */
  on: bodySelectorSchema.optional(),
  /** Held on behalf of an organisation in one of these statutory categories. */
  category: list.optional(),
  /**
   * Categories that may be the one asked for without saying so: before April 2013 a "health
   * commissioner" may be the Strategic Health Authority or the Primary Care Trust. A held seat of
   * one of them, where no seat of the category asked for is held, makes the rule "not recorded"
   * (with the seat) rather than "not met".
   */
  unspecified: list.optional(),
  voting: z.boolean().optional(),
  role: list.optional(),
  /** The seat is held by the chair of a body of this kind ("the Chair of the LSCB"). */
  chairOf: bodySelectorSchema.optional(),
  /** The seat is held ex officio by one of these offices (membership vocabulary: offices). */
  office: list.optional(),
  independent: z.boolean().optional(),
  /**
   * Whether the holder's named substitute stands in for them (the default). False where the rule
   * asks for the holder in person: their substitutes' attendance then does not count.
   */
  substitutes: z.boolean().optional(),
});
export type SeatSelector = z.infer<typeof seatSelectorSchema>;

export const memberSelectorSchema = z.strictObject({
  on: bodySelectorSchema.optional(),
  youngPerson: z.boolean().optional(),
  category: list.optional(),
});
export type MemberSelector = z.infer<typeof memberSelectorSchema>;

export type Condition =
  | { seat: SeatSelector }
  | { member: MemberSelector }
  | { body: BodySelector }
  | { link: { kind: string[]; from?: BodySelector | undefined; to?: BodySelector | undefined } }
  | { any: Condition[] }
  | { all: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ seat: seatSelectorSchema }),
    z.strictObject({ member: memberSelectorSchema }),
    z.strictObject({ body: bodySelectorSchema }),
    z.strictObject({
      link: z.strictObject({
        kind: list,
        from: bodySelectorSchema.optional(),
        to: bodySelectorSchema.optional(),
      }),
    }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
  ]),
);

const date = z.iso.date();
export const strengths = {
  law: 'Required by law',
  guidance: 'Expected by statutory guidance',
  'good-practice': 'Recommended',
} as const;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  source: z.string().min(1),
  strength: z.enum(['law', 'guidance', 'good-practice']),
  from: date.optional(),
  until: date.optional(),
  /** When the rule applies at all, e.g. district councils only in two-tier areas. */
  appliesTo: z.strictObject({ authorityTypes: list }).optional(),
  condition: conditionSchema,
  note: z.string().optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const ruleSetSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    source: z.string().min(1),
    url: z.url().optional(),
    from: date,
    until: date.optional(),
    note: z.string().optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .superRefine((set, context) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `Rule id ${rule.id} is used twice`,
        });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
