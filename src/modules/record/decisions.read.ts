// What other modules may read of meetings' decisions inside a transaction they hold (the
// resources module links funds, spending and pledges to the decision that agreed them). A
// decision on an exempt item is left out for a caller who may not see exempt items.
import type { Caller } from '../../platform/http/auth.ts';
import type { Trx } from '../../schema.ts';
import { meetingsWhere } from '../meetings/index.ts';
import { agendaItemsOf, seesExempt } from '../agenda/index.ts';
import { recordRepository } from './record.repository.ts';

export interface DecisionReference {
  id: string;
  text: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  itemNumber: number;
}

/** The partnership's decisions the caller may see, latest meeting first. */
export async function decisionsWithin(trx: Trx, caller: Caller): Promise<DecisionReference[]> {
  const meetings = await meetingsWhere(trx);
  const items = (
    await agendaItemsOf(
      trx,
      meetings.map((meeting) => meeting.id),
    )
  ).filter((item) => !item.exempt || seesExempt(caller));
  const decisions = await recordRepository.decisions(
    trx,
    items.map((item) => item.id),
  );
  const byItem = new Map(items.map((item) => [item.id, item]));
  const byMeeting = new Map(meetings.map((meeting) => [meeting.id, meeting]));
  return decisions
    .map((decision) => {
      const item = byItem.get(decision.agendaItemId)!;
      const meeting = byMeeting.get(item.meetingId)!;
      return {
        id: decision.id,
        text: decision.text,
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        meetingStartsAt: meeting.startsAt,
        itemNumber: item.number,
      };
    })
    .sort((a, b) => b.meetingStartsAt.getTime() - a.meetingStartsAt.getTime());
}
