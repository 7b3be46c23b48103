// Every partnership's structure, organisations, seats and members (structure.plan.ts says
// what), made through the services as the system in that partnership, so the rules and the
// audit trail apply. A body's members come in as one membership import (one transaction,
// seats and people made as the list names them), as a partnership's own list would.
//
// Idempotent and resumable: the whole plan is drawn first; then only what is missing is made
// (organisations by name, bodies by slug, relationships by their ends and kind, and the
// members of a body that has none yet). A finished partnership costs four reads.
import { systemCaller } from '../../src/platform/http/auth.ts';
import type { GeneratorStep } from './context.ts';
import { planStructure, sizeFor } from './structure.plan.ts';

const phases = ['organisations', 'bodies', 'relationships', 'seats', 'members'] as const;

export const structureStep: GeneratorStep = {
  name: 'structure',
  async run({ services, caller, random, options, partnerships, say, progress }) {
    const size = sizeFor(options.peoplePerPartnership);
    const spent = Object.fromEntries(phases.map((phase) => [phase, 0])) as Record<
      (typeof phases)[number],
      number
    >;
    const timed = async <T>(phase: (typeof phases)[number], work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        spent[phase] += performance.now() - started;
      }
    };
    const made = { organisations: 0, bodies: 0, relationships: 0, seats: 0, people: 0, memberships: 0 };
    let planned = { people: 0, memberships: 0 };
    let complete = 0;

    for (const [index, partnership] of partnerships.entries()) {
      const plan = planStructure(random, partnership, size);
      planned = {
        people: planned.people + plan.people,
        memberships: planned.memberships + plan.bodies.reduce((sum, body) => sum + body.rows.length, 0),
      };
      const inPartnership = systemCaller(caller.actor.label, partnership.id);
      const before = { ...made };

      await timed('organisations', async () => {
        const existing = new Set(
          (await services.membership.organisations(inPartnership)).map((row) => row.name),
        );
        for (const organisation of plan.organisations) {
          if (existing.has(organisation.name)) continue;
          await services.membership.addOrganisation(inPartnership, { ...organisation, notes: null });
          made.organisations += 1;
        }
      });

      const bodyIds = await timed('bodies', async () => {
        const ids = new Map((await services.bodies.list(inPartnership)).map((row) => [row.slug, row.id]));
        for (const body of plan.bodies) {
          if (ids.has(body.slug)) continue;
          const { events, seats, rows, ...values } = body;
          void seats;
          void rows;
          const row = await services.bodies.create(inPartnership, { ...values, status: 'established' });
          ids.set(row.slug, row.id);
          made.bodies += 1;
          for (const { relatedSlug, ...event } of events)
            await services.bodies.recordStatus(inPartnership, row.id, {
              ...event,
              relatedBodyId: relatedSlug ? ids.get(relatedSlug) : undefined,
            });
        }
        return ids;
      });
      const idOf = (slug: string) => bodyIds.get(slug)!;

      await timed('relationships', async () => {
        const existing = new Set(
          (await services.bodies.relationships(inPartnership)).map(
            (row) => `${row.fromBodyId} ${row.kind} ${row.toBodyId}`,
          ),
        );
        for (const { from, to, ...relationship } of plan.relationships) {
          const [fromBodyId, toBodyId] = [idOf(from), idOf(to)];
          if (existing.has(`${fromBodyId} ${relationship.kind} ${toBodyId}`)) continue;
          await services.bodies.relate(inPartnership, { fromBodyId, toBodyId, ...relationship });
          made.relationships += 1;
        }
      });

      const filled = new Set(
        (await services.membership.memberships(inPartnership, {})).map((row) => row.bodyId),
      );
      for (const body of plan.bodies) {
        const bodyId = idOf(body.slug);
        if (!body.rows.length || filled.has(bodyId)) continue;
        await timed('seats', async () => {
          const labels = new Set(
            (await services.membership.seats(inPartnership, bodyId)).map((seat) => seat.label),
          );
          for (const seat of body.seats) {
            if (labels.has(seat.label)) continue;
            await services.membership.addSeat(inPartnership, bodyId, seat);
            made.seats += 1;
          }
        });
        const imported = await timed('members', () =>
          services.membership.importMembers(inPartnership, bodyId, body.rows, 'bench'),
        );
        made.seats += imported.newSeats;
        made.people += imported.newPeople;
        made.memberships += imported.rows.length;
      }
      if (Object.entries(made).every(([key, value]) => before[key as keyof typeof made] === value))
        complete += 1;
      progress(index + 1, partnerships.length);
    }

    say(
      `planned ${planned.people} people in ${planned.memberships} memberships; made ` +
        `${made.organisations} organisations, ${made.bodies} bodies, ${made.relationships} relationships, ` +
        `${made.seats} seats, ${made.people} people, ${made.memberships} memberships` +
        `${complete ? ` (${complete} partnerships already complete)` : ''}`,
    );
    say(
      `time: ${phases.map((phase) => `${phase} ${(spent[phase] / 1000).toFixed(1)} s`).join(', ')}` +
        (made.memberships
          ? `; ${(spent.members / made.memberships).toFixed(2)} ms a membership imported`
          : ''),
    );
  },
};
