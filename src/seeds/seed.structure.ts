// Loads a seed's organisations, people, bodies (with their history and terms of reference),
// seats, holders and relationships through the services. Idempotent: what already exists (by
// name, slug, or the same link) is left as it is.
import type { Caller } from '../platform/http/auth.ts';
import type { Services } from '../services.ts';
import type { SeedFile } from './seed.schema.ts';

type SeedBody = SeedFile['bodies'][number];

export interface StructureReport {
  bodies: number;
  seats: number;
  memberships: number;
  relationships: number;
}

export async function importStructure(
  services: Services,
  caller: Caller,
  seed: SeedFile,
): Promise<StructureReport> {
  const report: StructureReport = { bodies: 0, seats: 0, memberships: 0, relationships: 0 };

  const organisationIds = new Map<string, string>();
  const existingOrganisations = await services.membership.organisations(caller);
  for (const organisation of seed.organisations) {
    const found = existingOrganisations.find(
      (row) => row.name.toLowerCase() === organisation.name.toLowerCase(),
    );
    const id =
      found?.id ??
      (await services.membership.addOrganisation(caller, {
        name: organisation.name,
        sector: organisation.sector,
        category: organisation.category ?? null,
        notes: organisation.note ?? null,
      }));
    organisationIds.set(organisation.key, id);
  }

  const personIds = new Map<string, string>();
  const existingPeople = await services.membership.people(caller);
  for (const person of seed.people) {
    const found = existingPeople.find(
      (row) => row.name === person.name && (row.jobTitle ?? undefined) === person.jobTitle,
    );
    const id =
      found?.id ??
      (await services.membership.addPerson(caller, {
        name: person.name,
        jobTitle: person.jobTitle ?? null,
        email: person.email ?? null,
        phone: person.phone ?? null,
        youngPerson: person.youngPerson,
        notes: person.note ?? null,
      }));
    personIds.set(person.key, id);
  }

  // Bodies first with how they began, so that later history can name any of them.
  const bodyIds = new Map<string, string>();
  const created: SeedBody[] = [];
  const existingBodies = await services.bodies.list(caller);
  for (const body of seed.bodies) {
    const found = existingBodies.find((row) => row.slug === body.slug);
    if (found) {
      bodyIds.set(body.slug, found.id);
      continue;
    }
    const [first] = body.history;
    if (first!.status !== 'proposed' && first!.status !== 'established') {
      throw new Error(
        `${body.slug}: the first history entry must say when the body was proposed or established`,
      );
    }
    const row = await services.bodies.create(caller, {
      slug: body.slug,
      name: body.name,
      shortName: body.shortName,
      kind: body.kind,
      purpose: body.purpose,
      takesDecisions: body.takesDecisions,
      focusType: body.focusType,
      focus: body.focus,
      area: body.area,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      membershipCap: body.membershipCap,
      cadenceRules: body.cadence,
      quorumRule: body.quorum,
      notes: body.note,
      status: first!.status,
      statusOn: first!.on,
      statusDetail: first!.detail,
    });
    bodyIds.set(body.slug, row.id);
    created.push(body);
    report.bodies += 1;
  }

  for (const body of created) {
    const bodyId = bodyIds.get(body.slug)!;
    for (const terms of body.terms) await services.bodies.adoptTerms(caller, bodyId, terms);
    for (const seat of body.seats) {
      const seatId = await services.membership.addSeat(caller, bodyId, {
        label: seat.label,
        role: seat.role,
        voting: seat.voting,
        howFilled: seat.howFilled,
        filledBy: seat.filledBy,
        organisationId: seat.organisation ? organisationIds.get(seat.organisation) : null,
        category: seat.category,
        capacity: seat.capacity,
        independent: seat.independent,
        rule: seat.rule,
        notes: seat.note,
      });
      report.seats += 1;
      for (const holder of seat.holders) {
        await services.membership.appoint(caller, {
          seatId,
          personId: personIds.get(holder.person)!,
          organisationId: holder.organisation ? organisationIds.get(holder.organisation) : undefined,
          startsOn: holder.from,
          endsOn: holder.until,
          notes: holder.note,
          substituteIds: holder.substitutes.map((key) => personIds.get(key)!),
        });
        report.memberships += 1;
      }
    }
  }

  // Then what happened to them, in date order across bodies.
  const later = created
    .flatMap((body) => body.history.slice(1).map((event) => ({ body, event })))
    .sort((a, b) => a.event.on.localeCompare(b.event.on));
  for (const { body, event } of later) {
    await services.bodies.recordStatus(caller, bodyIds.get(body.slug)!, {
      status: event.status,
      effectiveOn: event.on,
      newName: event.newName,
      relatedBodyId: event.related ? bodyIds.get(event.related) : undefined,
      detail: event.detail,
    });
  }

  const existingLinks = (await services.bodies.relationships(caller)).map(
    (r) => `${r.fromBodyId} ${r.kind} ${r.toBodyId}`,
  );
  for (const relationship of seed.relationships) {
    const fromBodyId = bodyIds.get(relationship.from)!;
    const toBodyId = bodyIds.get(relationship.to)!;
    if (existingLinks.includes(`${fromBodyId} ${relationship.kind} ${toBodyId}`)) continue;
    await services.bodies.relate(caller, {
      fromBodyId,
      toBodyId,
      kind: relationship.kind,
      startsOn: relationship.startsOn,
      endsOn: relationship.endsOn,
      notes: relationship.note,
    });
    report.relationships += 1;
  }
  return report;
}
