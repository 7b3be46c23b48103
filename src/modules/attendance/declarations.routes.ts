// Declarations of interest at a meeting: a member declares their own before it; a clerk or
// editor records anyone's on the register; either withdraws one made in error.
import { Router, type Request } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { confirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { formatDate } from '../../platform/dates.ts';
import type { DeclarationsService } from './declarations.service.ts';
import { declarationSchema, interestKinds, interestParticipation, isId } from '../meetings/index.ts';

const views = 'modules/attendance/views';
const options = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));

export function declarationsRoutes(declarations: DeclarationsService): Router {
  const router = Router({ mergeParams: true });
  const meetingUrl = (req: Request, id: string) => `/partnerships/${tenantOf(req).slug}/meetings/${id}`;
  const idOf = (req: Request, name: string) => {
    const value = String(req.params[name]);
    if (!isId(value)) throw notFound();
    return value;
  };

  async function formLocals(req: Request) {
    const found = await declarations.form(callerOf(req), idOf(req, 'meeting'));
    return {
      title: found.recordsOthers ? 'Record a declaration of interest' : 'Declare an interest',
      tenant: tenantOf(req),
      ...found,
      kindItems: options(interestKinds),
      participationItems: options(interestParticipation),
      backLink: `${meetingUrl(req, found.meeting.id)}#agenda`,
    };
  }

  router.get(
    '/meetings/:meeting/declarations/new',
    requirePermission('partnership.contribute'),
    async (req, res) => {
      const locals = await formLocals(req);
      const item = locals.items.find((candidate) => candidate.id === req.query.item);
      res.render(`${views}/declaration-form.njk`, {
        ...locals,
        values: {
          agendaItemId: item?.id,
          personId: locals.people.length === 1 ? locals.people[0]!.id : undefined,
        },
      });
    },
  );

  router.post(
    '/meetings/:meeting/declarations/new',
    requirePermission('partnership.contribute'),
    async (req, res) => {
      const locals = await formLocals(req);
      let number = 0;
      const done = await submitForm(
        req,
        res,
        { view: `${views}/declaration-form.njk`, locals, schema: declarationSchema, input: req.body },
        async (value) => {
          await declarations.declare(callerOf(req), locals.meeting.id, value);
          number = locals.items.find((item) => item.id === value.agendaItemId)?.number ?? 0;
        },
      );
      if (!done) return;
      flash(req, `The declaration of interest in item ${number} has been recorded`);
      res.redirect(303, `${meetingUrl(req, locals.meeting.id)}#item-${number}`);
    },
  );

  // withdrawing one made in error: a page that asks first (ADR 0048), then the POST from it
  confirmDeletion(router, {
    path: '/meetings/:meeting/declarations/:declaration/remove',
    permission: requirePermission('partnership.contribute'),
    title: 'Withdraw a declaration of interest',
    buttonText: 'Withdraw the declaration',
    goesIntro: 'Withdrawing it also removes:',
    locals: (req) => ({ tenant: tenantOf(req) }),
    about: async (req) => {
      const found = await declarations.withdrawal(
        callerOf(req),
        idOf(req, 'meeting'),
        idOf(req, 'declaration'),
      );
      const { meeting, declaration: d } = found;
      return {
        caption: `${tenantOf(req).name}: ${meeting.title}, ${formatDate(meeting.startsAt)}`,
        subject: `${d.name}’s declaration of ${d.kindLabel.toLowerCase()} in item ${found.itemNumber}: ${found.itemTitle}. ${d.nature.replace(/\.\s*$/, '')}.`,
        goes: [`Its place under the item and in the minutes (“${d.participationLabel}”)`],
        stays: [
          `The item and its other declarations`,
          ...(d.interestId ? [`${d.name}’s entry in the register of interests`] : []),
        ],
        refusal: found.refusal,
        backLink: `${meetingUrl(req, meeting.id)}#item-${found.itemNumber}`,
      };
    },
    remove: async (req) => {
      const meetingId = idOf(req, 'meeting');
      await declarations.withdraw(callerOf(req), meetingId, idOf(req, 'declaration'));
      return `${meetingUrl(req, meetingId)}#agenda`;
    },
    done: 'The declaration of interest has been withdrawn',
  });

  return router;
}
