// Pages for what a meeting decided: minutes per item, approving the previous meeting's
// minutes, decisions and their delegated outcomes, actions raised, their updates, and the
// partnership's action log with overdue actions per owner.
import { Router, type Request } from 'express';
import type { z } from 'zod';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateParts, today } from '../../platform/http/date-input.ts';
import { formErrors, RuleViolation, validate } from '../../platform/http/validation.ts';
import type { AgendaService } from '../agenda/index.ts';
import {
  type MeetingsService,
  actionPrioritySchema,
  actionSchema,
  actionsQuery,
  actionUpdateSchema,
  approvalSchema,
  decisionSchema,
  loggedActionSchema,
  minutesSchema,
  outcomeSchema,
  actionStatuses,
  hasHappened,
  isId,
  londonParts,
} from '../meetings/index.ts';
import type { RecordService } from './record.service.ts';

import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { sendDocument } from '../../platform/documents/render.ts';
import { tableDocx } from '../../platform/documents/table-docx.ts';
import { formatDate } from '../../platform/dates.ts';

const views = 'modules/record/views';
const ids = (req: Request, ...names: string[]) =>
  names.map((name) => {
    const value = String(req.params[name]);
    if (!isId(value)) throw notFound();
    return value;
  });

export function recordRoutes(
  meetings: MeetingsService,
  agenda: AgendaService,
  record: RecordService,
): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;
  const meetingUrl = (req: Request, id: string) => `${base(req)}/meetings/${id}`;

  /** The meeting and one visible item of it. */
  async function itemContext(req: Request) {
    const [meetingId, itemId] = ids(req, 'meeting', 'item');
    const meeting = await meetings.get(callerOf(req), meetingId!);
    const item = (await agenda.agenda(callerOf(req), meeting.id)).find((i) => i.id === itemId && !i.withheld);
    if (!item) throw notFound();
    return { meeting, item };
  }

  /** GET shows the form; POST checks it and runs the action, then goes back to the meeting. */
  function formPage<S extends z.ZodType>(
    path: string,
    view: string,
    schema: S,
    context: (
      req: Request,
    ) => Promise<{ locals: Record<string, unknown>; values: Record<string, unknown>; back: string }>,
    action: (req: Request, value: z.output<S>) => Promise<string>,
    reshape: (body: Record<string, unknown>) => unknown = (body) => body,
  ) {
    router.get(path, requirePermission('partnership.edit'), async (req, res) => {
      const { locals, values, back } = await context(req);
      res.render(`${views}/${view}`, { ...locals, values, backLink: back });
    });
    router.post(path, requirePermission('partnership.edit'), async (req, res) => {
      const { locals, back } = await context(req);
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/${view}`,
          locals: { ...locals, backLink: back },
          schema,
          input: reshape(req.body as Record<string, unknown>),
        },
        async (value) => {
          flash(req, await action(req, value));
        },
      );
      if (done) res.redirect(303, back);
    });
  }

  formPage(
    '/meetings/:meeting/agenda/:item/minutes',
    'minutes-form.njk',
    minutesSchema,
    async (req) => {
      const { meeting, item } = await itemContext(req);
      const { minutes } = await record.ofMeeting(callerOf(req), meeting.id);
      return {
        locals: { title: `Minutes of item ${item.number}: ${item.title}`, tenant: tenantOf(req), meeting },
        values: { text: minutes.find((m) => m.agendaItemId === item.id)?.text },
        back: `${meetingUrl(req, meeting.id)}#item-${item.number}`,
      };
    },
    async (req, value) => {
      const { meeting, item } = await itemContext(req);
      await record.writeMinutes(callerOf(req), meeting.id, item.id, value.text);
      return `The minutes of item ${item.number} have been saved as a draft`;
    },
  );

  formPage(
    '/meetings/:meeting/agenda/:item/decisions/new',
    'decision-form.njk',
    decisionSchema,
    async (req) => {
      const { meeting, item } = await itemContext(req);
      return {
        locals: {
          title: `Record a decision on item ${item.number}: ${item.title}`,
          tenant: tenantOf(req),
          meeting,
        },
        values: {},
        back: `${meetingUrl(req, meeting.id)}#item-${item.number}`,
      };
    },
    async (req, value) => {
      const { meeting, item } = await itemContext(req);
      await record.addDecision(callerOf(req), meeting.id, item.id, value);
      return 'The decision has been recorded';
    },
  );

  formPage(
    '/meetings/:meeting/decisions/:decision/outcome',
    'outcome-form.njk',
    outcomeSchema,
    async (req) => {
      const [meetingId, decisionId] = ids(req, 'meeting', 'decision');
      const meeting = await meetings.get(callerOf(req), meetingId!);
      const decision = (await record.ofMeeting(callerOf(req), meeting.id)).decisions.find(
        (d) => d.id === decisionId,
      );
      if (!decision || !decision.delegatedTo) throw notFound();
      return {
        locals: {
          title: 'Record the outcome of a delegated decision',
          tenant: tenantOf(req),
          meeting,
          decision,
        },
        values: {},
        back: meetingUrl(req, meeting.id),
      };
    },
    async (req, value) => {
      const [meetingId, decisionId] = ids(req, 'meeting', 'decision');
      await record.recordOutcome(callerOf(req), meetingId!, decisionId!, value);
      return 'The outcome has been recorded';
    },
    (body) => ({ ...body, outcomeOn: dateParts(body, 'outcomeOn') }),
  );

  formPage(
    '/meetings/:meeting/actions/new',
    'action-form.njk',
    actionSchema,
    async (req) => {
      const [meetingId] = ids(req, 'meeting');
      const meeting = await meetings.get(callerOf(req), meetingId!);
      return {
        locals: {
          title: `Raise an action at ${meeting.title}`,
          tenant: tenantOf(req),
          meeting,
          items: (await agenda.agenda(callerOf(req), meeting.id)).filter((i) => !i.withheld),
          owners: await record.owners(callerOf(req)),
        },
        // raised from a decision: its item chosen (issue 23)
        values: { agendaItemId: typeof req.query.item === 'string' ? req.query.item : undefined },
        back: `${meetingUrl(req, meeting.id)}#actions`,
      };
    },
    async (req, value) => {
      const [meetingId] = ids(req, 'meeting');
      await record.raiseAction(callerOf(req), meetingId!, value);
      return 'The action has been added to the action log';
    },
    (body) => ({ ...body, dueOn: dateParts(body, 'dueOn') }),
  );

  /** The approval form: as they stand, or as amended with the amendment (issue 24). */
  async function approvalLocals(req: Request) {
    const [meetingId] = ids(req, 'meeting');
    const meeting = await meetings.get(callerOf(req), meetingId!);
    const { previous } = await record.ofMeeting(callerOf(req), meeting.id);
    if (!previous) throw notFound();
    return {
      title: `Approve the minutes of ${previous.meeting.title}`,
      tenant: tenantOf(req),
      meeting,
      previous: previous.meeting,
      backLink: `${meetingUrl(req, meeting.id)}#minutes`,
    };
  }
  router.get(
    '/meetings/:meeting/minutes/approve',
    requirePermission('partnership.edit'),
    async (req, res) => {
      res.render(`${views}/approve-form.njk`, {
        ...(await approvalLocals(req)),
        values: { approvedAs: 'as-they-stand' },
      });
    },
  );

  router.post(
    '/meetings/:meeting/minutes/approve',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const [meetingId] = ids(req, 'meeting');
      // the meeting page's button approves them as they stand; the form says which
      const body = req.body as Record<string, unknown>;
      const checked = validate(approvalSchema, { approvedAs: 'as-they-stand', ...body });
      if (!checked.ok)
        return res.status(400).render(`${views}/approve-form.njk`, {
          ...(await approvalLocals(req)),
          values: body,
          errors: checked.errors,
        });
      try {
        const previous = await record.approvePrevious(callerOf(req), meetingId!, checked.value);
        flash(
          req,
          `The minutes of ${previous.title} have been approved ${checked.value ? 'as amended' : 'as they stand'}`,
        );
      } catch (error) {
        if (!(error instanceof RuleViolation)) throw error;
        const meeting = await meetings.get(callerOf(req), meetingId!);
        return res.status(400).render(`${views}/approve-refused.njk`, {
          title: 'The minutes cannot be approved',
          tenant: tenantOf(req),
          meeting,
          errors: formErrors(error.problems.map((p) => ({ ...p, path: 'approve' }))),
          backLink: meetingUrl(req, meeting.id),
        });
      }
      res.redirect(303, `${meetingUrl(req, meetingId!)}#minutes`);
    },
  );

  const actionContext = async (req: Request) => {
    const [actionId] = ids(req, 'action');
    const action = await record.action(callerOf(req), actionId!);
    return {
      locals: { title: 'Update an action', tenant: tenantOf(req), action, actionStatuses },
      values: { status: action.status },
      back: `${base(req)}/actions`,
    };
  };
  router.get('/actions/:action/update', requirePermission('partnership.contribute'), async (req, res) => {
    const { locals, values, back } = await actionContext(req);
    res.render(`${views}/action-update.njk`, { ...locals, values, backLink: back });
  });
  router.post('/actions/:action/update', requirePermission('partnership.contribute'), async (req, res) => {
    const { locals, back } = await actionContext(req);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/action-update.njk`,
        locals: { ...locals, backLink: back },
        schema: actionUpdateSchema,
        input: req.body,
      },
      async (value) => {
        await record.updateAction(callerOf(req), String(req.params.action), value);
      },
    );
    if (!done) return;
    flash(req, 'The action has been updated');
    res.redirect(303, back);
  });

  /** The plan priority an action serves, changed or taken off by an editor (issue 23). */
  const priorityFormLocals = async (req: Request) => {
    const [actionId] = ids(req, 'action');
    const action = await record.action(callerOf(req), actionId!);
    return {
      action,
      locals: {
        title: 'Change the plan priority of an action',
        tenant: tenantOf(req),
        action,
        priorityChoices: await record.planPriorities(callerOf(req)),
        backLink: `${base(req)}/actions`,
      },
    };
  };
  router.get('/actions/:action/priority', requirePermission('partnership.edit'), async (req, res) => {
    const { action, locals } = await priorityFormLocals(req);
    res.render(`${views}/action-priority.njk`, {
      ...locals,
      values: { planPriorityId: action.planPriorityId },
    });
  });
  router.post('/actions/:action/priority', requirePermission('partnership.edit'), async (req, res) => {
    const { action, locals } = await priorityFormLocals(req);
    const done = await submitForm(
      req,
      res,
      { view: `${views}/action-priority.njk`, locals, schema: actionPrioritySchema, input: req.body },
      async (value) => {
        await record.linkPriority(callerOf(req), action.id, value.planPriorityId);
      },
    );
    if (!done) return;
    flash(req, 'The action’s plan priority has been saved');
    res.redirect(303, `${base(req)}/actions`);
  });

  /**
   * Raising an action from the action log, or from a plan priority's page (`?priority=`, issue
   * 23): the meetings that have taken place to choose from (the body's log it joins), and the
   * plans' priorities it may serve. Raised from a priority, the form goes back to it.
   */
  const logFormLocals = async (req: Request) => {
    const priorities = await record.planPriorities(callerOf(req));
    const wanted = typeof req.query.priority === 'string' ? req.query.priority : '';
    const from = priorities.find((priority) => priority.id === wanted);
    const planUrl = from && `${base(req)}/plans/${from.plan.slug}#priority-${from.id}`;
    return {
      locals: {
        title: from ? `Raise an action for priority ${from.position}` : 'Raise an action',
        tenant: tenantOf(req),
        fromPriority: from ?? null,
        priorityChoices: priorities,
        meetingChoices: (await meetings.list(callerOf(req)))
          .filter((meeting) => hasHappened(meeting))
          .reverse(),
        owners: await record.owners(callerOf(req)),
        backLink: planUrl ?? `${base(req)}/actions`,
      },
      from,
      done: planUrl ?? `${base(req)}/actions`,
    };
  };
  router.get('/actions/new', requirePermission('partnership.edit'), async (req, res) => {
    const { locals, from } = await logFormLocals(req);
    res.render(`${views}/action-form.njk`, { ...locals, values: { planPriorityId: from?.id } });
  });
  router.post('/actions/new', requirePermission('partnership.edit'), async (req, res) => {
    const { locals, done: back } = await logFormLocals(req);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/action-form.njk`,
        locals,
        schema: loggedActionSchema,
        input: { ...(req.body as Record<string, unknown>), dueOn: dateParts(req.body, 'dueOn') },
      },
      async ({ meetingId, ...value }) => {
        await record.raiseAction(callerOf(req), meetingId, { ...value, agendaItemId: null });
      },
    );
    if (!done) return;
    flash(req, 'The action has been added to the action log');
    res.redirect(303, back);
  });

  router.get('/actions', async (req, res) => {
    const checked = validate(actionsQuery, req.query);
    const query = checked.ok ? checked.value : {};
    const [log, owners] = await Promise.all([
      record.actions(callerOf(req), { status: query.status, ownerId: query.owner }),
      record.owners(callerOf(req)),
    ]);
    // the action log as CSV or Word, as filtered (issue 23 item 4)
    if (checked.ok && (req.query.format === 'csv' || req.query.format === 'docx')) {
      const columns = [
        { key: 'reference', header: 'Reference' },
        { key: 'text', header: 'Action' },
        { key: 'owner', header: 'Owner' },
        { key: 'meeting', header: 'Meeting' },
        { key: 'meetingOn', header: 'Meeting date' },
        { key: 'priority', header: 'Plan priority' },
        { key: 'dueOn', header: 'Due' },
        { key: 'status', header: 'Status' },
        { key: 'overdue', header: 'Overdue' },
        { key: 'latest', header: 'Latest update' },
      ];
      const rows = log.actions.map((action) => ({
        reference: action.reference ?? '',
        text: action.text,
        owner: action.owner,
        meeting: action.meetingTitle,
        meetingOn: londonParts(action.meetingStartsAt).date,
        priority: action.priority
          ? `${action.priority.planTitle}: priority ${action.priority.position}, ${action.priority.title}`
          : '',
        dueOn: action.dueOn ?? '',
        status: actionStatuses[action.status as keyof typeof actionStatuses] ?? action.status,
        overdue: action.overdue ? 'yes' : 'no',
        latest: action.updates.at(-1)?.text ?? '',
      }));
      const name = `${tenantOf(req).slug}-action-log-${today()}`;
      if (req.query.format === 'csv') sendCsv(res, name, toCsv(columns, rows));
      else
        sendDocument(res, {
          name,
          type: 'docx',
          content: await tableDocx(
            {
              partnership: tenantOf(req).name,
              title: `Action log on ${formatDate(today())}`,
              landscape: true,
              empty: 'No action is recorded.',
            },
            columns.filter((column) => column.key !== 'overdue'),
            rows.map((row) => ({
              ...row,
              meetingOn: formatDate(row.meetingOn),
              dueOn: formatDate(row.dueOn),
              status: row.overdue === 'yes' ? `${row.status} (overdue)` : row.status,
            })),
          ),
        });
      return;
    }
    res.render(`${views}/actions.njk`, {
      title: 'Actions',
      tenant: tenantOf(req),
      ...log,
      owners,
      actionStatuses,
      values: { status: query.status ?? '', owner: query.owner ?? '' },
      errors: checked.ok ? undefined : checked.errors,
      canContribute: allowed(req, 'partnership.contribute'),
      base: base(req),
      canEdit: allowed(req, 'partnership.edit'),
      downloadQuery: new URLSearchParams({
        ...(query.status ? { status: query.status } : {}),
        ...(query.owner ? { owner: query.owner } : {}),
      }).toString(),
    });
  });

  return router;
}
