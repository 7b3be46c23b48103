// The meeting most meetings tests start from: a partnership's board and one meeting of it, on
// 21 January 2009 at 10:00 (Nottinghamshire's board, as the source document has it).
import type { Caller } from '../../src/platform/http/auth.ts';
import type { Services } from '../../src/services.ts';

export async function makeBoardMeeting(
  services: Services,
  caller: Caller,
  options: { state?: 'scheduled' | 'held' | 'cancelled'; date?: string } = {},
): Promise<{ boardId: string; meetingId: string }> {
  const board = await services.bodies.create(caller, {
    slug: 'board',
    name: 'Partnership Board',
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: '2005',
  });
  const meetingId = await services.meetings.create(caller, {
    title: 'Partnership Board',
    kind: 'board-meeting',
    bodyIds: [board.id],
    date: options.date ?? '2009-01-21',
    startTime: '10:00',
    state: options.state ?? 'held',
  });
  return { boardId: board.id, meetingId };
}
