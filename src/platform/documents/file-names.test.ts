// Names of downloads that say what the file is (issue 23 item 4; ADR 0049).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileName, meetingFileName, namePart } from './file-names.ts';

describe('file names', () => {
  it('names a board pack by partnership, body, day in England and what it is', () => {
    const meeting = { bodies: [{ slug: 'board' }], startsAt: new Date('2009-01-21T10:00:00Z') };
    assert.equal(
      meetingFileName('nottinghamshire', meeting, 'pack'),
      'nottinghamshire-board-2009-01-21-pack',
    );
    // 23:30 on 20 June in UTC is 00:30 on 21 June in London (summer time)
    const late = { bodies: [{ slug: 'executive-board' }], startsAt: new Date('2009-06-20T23:30:00Z') };
    assert.equal(
      meetingFileName('dudley', late, 'item-5-report'),
      'dudley-executive-board-2009-06-21-item-5-report',
    );
    assert.equal(
      meetingFileName('kent', { bodies: [], startsAt: new Date('2011-03-01T12:00:00Z') }, 'pack'),
      'kent-meeting-2011-03-01-pack',
    );
  });

  it('writes each part in lower-case words joined by hyphens, accents and apostrophes dropped', () => {
    assert.equal(namePart('Children’s Trust Board'), 'childrens-trust-board');
    assert.equal(namePart('Zoë / Ünal: “NI 73”'), 'zoe-unal-ni-73');
    assert.equal(fileName('notts', 'NI 73', 'benchmark'), 'notts-ni-73-benchmark');
    assert.equal(
      fileName('notts', null, undefined, '', 'exceptions', '2009-09-14'),
      'notts-exceptions-2009-09-14',
    );
    assert.equal(fileName('../../etc/passwd'), 'etc-passwd', 'no path in a name');
    assert.equal(fileName('’’'), 'download', 'never an empty name');
    assert.ok(fileName('x'.repeat(300)).length <= 120);
  });
});
