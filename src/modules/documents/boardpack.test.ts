import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agendaEntries } from './boardpack.cover.ts';
import type { AgendaItemRow } from '../agenda/index.ts';
import type { MeetingRow } from '../meetings/index.ts';

const meeting: MeetingRow = {
  id: 'm',
  title: 'Partnership Board',
  kind: 'board-meeting',
  startsAt: new Date('2009-01-21T10:00:00Z'),
  endsAt: null,
  place: 'County Hall',
  onlineUrl: null,
  state: 'scheduled',
  notes: null,
  sequence: 0,
  updatedAt: new Date('2009-01-01T09:00:00Z'),
  bodies: [{ id: 'b', name: 'Nottinghamshire Children’s Trust Board', slug: 'board' }],
};
const paper = (fileName: string, mediaType: string) => ({
  id: fileName,
  agendaItemId: 'i',
  fileName,
  mediaType,
  sizeBytes: 10,
});
const base = {
  meetingId: 'm',
  purpose: 'decision',
  presenter: null,
  startTime: null,
  exemptReason: null,
  hasReport: false,
};

describe('the board pack’s cover and agenda', () => {
  const items: AgendaItemRow[] = [
    {
      ...base,
      id: '1',
      number: 1,
      title: 'Budget <2009>',
      exempt: false,
      exemptParagraph: null,
      papers: [
        paper('budget.pdf', 'application/pdf'),
        paper('guidance.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      ],
    },
    {
      ...base,
      id: '2',
      number: 2,
      title: 'Contract award to Acme',
      exempt: true,
      exemptParagraph: 3,
      exemptReason: 'Financial or business affairs of Acme',
      papers: [paper('acme-contract.pdf', 'application/pdf')],
    },
  ];
  // budget.pdf is in the pack; guidance.docx was not converted (no LibreOffice, or it failed)
  const entries = agendaEntries(items, new Map([['budget.pdf', true]]));
  const all = JSON.stringify(entries);

  it('lists the items, the papers in the pack and those not included', () => {
    assert.equal(entries[0]!.title, 'Budget <2009>');
    assert.deepEqual(entries[0]!.papers, [
      'budget.pdf (in this pack)',
      'Not included: guidance.docx (Word document)',
    ]);
    assert.equal(meeting.bodies[0]!.name, 'Nottinghamshire Children’s Trust Board');
  });

  it('names a paper that could not be converted, with the reason', () => {
    const failed = agendaEntries(items, new Map<string, true | string>([['guidance.docx', 'it timed out']]));
    assert.equal(failed[0]!.papers[1], 'Not included: guidance.docx (Word document: it timed out)');
  });

  it('lists an exempt item only by its number and paragraph', () => {
    assert.equal(entries[1]!.title, 'exempt item, paragraph 3');
    assert.deepEqual(entries[1]!.papers, []);
    assert.doesNotMatch(all, /Acme|acme-contract/);
  });
});
