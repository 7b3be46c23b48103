import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { makeZip, xlsxBomb } from '../../../test/support/zip.ts';
import {
  ArchiveRefused,
  centralDirectory,
  checkArchive,
  checkDeclaredSizes,
  MAX_WAITING_UNPACKS,
  oneUnpackAtATime,
  spreadsheetLimits,
} from './zip-check.ts';

const limits = { maxUnpackedBytes: 100_000, maxRatio: 50, maxEntries: 10 };

describe('archives checked before they are unpacked', () => {
  it('reads the central directory of a real spreadsheet and lets it through', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Members').addRows([['name'], ['Zoë Brontë']]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const entries = centralDirectory(content);
    assert.ok(entries.some((entry) => entry.name === 'xl/worksheets/sheet1.xml'));
    assert.doesNotThrow(() => checkArchive(content));
  });

  it('refuses a zip bomb from its directory alone, quickly', () => {
    const bomb = xlsxBomb(spreadsheetLimits.maxUnpackedBytes + 1024 * 1024);
    assert.ok(bomb.length < 1024 * 1024, `the bomb is small (${bomb.length} bytes)`);
    assert.throws(
      () => checkDeclaredSizes(bomb),
      (error: Error) => {
        assert.ok(error instanceof ArchiveRefused);
        assert.match(error.message, /would unpack to \d+ MB, \d+ times its packed size/);
        return true;
      },
    );
  });

  it('refuses an archive over the total, and one with too many entries', () => {
    const entries = [1, 2, 3].map((n) => ({
      name: `part${n}.xml`,
      content: Buffer.alloc(40_000, n),
      stored: true,
    }));
    assert.throws(
      () => checkArchive(makeZip(entries), limits),
      /would unpack to 1 MB, more than the 1 MB allowed/,
    );
    const many = Array.from({ length: 11 }, (_, n) => ({ name: `p${n}`, content: Buffer.from('x') }));
    assert.throws(() => checkArchive(makeZip(many), limits), /holds 11 parts, more than the 10/);
  });

  it('catches a directory that lies about an entry’s size, at the size it declares', () => {
    const lying = makeZip([
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(5_000_000, 0x41), declaredSize: 1000 },
    ]);
    assert.doesNotThrow(() => checkDeclaredSizes(lying, limits), 'the directory alone looks harmless');
    assert.throws(() => checkArchive(lying, limits), /unpacks to more than it says it holds/);
  });

  it('refuses what is not a zip, or a damaged one', () => {
    assert.throws(() => checkArchive(Buffer.from('name\nZoë\n')), /not a readable Excel/);
    const zip = makeZip([{ name: 'a.xml', content: Buffer.from('<a/>') }]);
    const damaged = Buffer.from(zip);
    damaged.writeUInt32LE(0, damaged.length - 22 - 46 - 5); // the directory's signature
    assert.throws(() => checkArchive(damaged), /damaged/);
  });

  it('unpacks one at a time, and refuses a queue that is too long', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = oneUnpackAtATime(async () => {
      order.push('first starts');
      await gate;
      order.push('first ends');
    });
    const second = oneUnpackAtATime(async () => {
      order.push('second starts');
    });
    const waiting = Array.from({ length: MAX_WAITING_UNPACKS - 2 }, () => oneUnpackAtATime(async () => {}));
    await assert.rejects(
      oneUnpackAtATime(async () => {}),
      /Too many spreadsheets/,
    );
    await Promise.resolve();
    assert.deepEqual(order, ['first starts']);
    release();
    await Promise.all([first, second, ...waiting]);
    assert.deepEqual(order, ['first starts', 'first ends', 'second starts']);
    const failed = oneUnpackAtATime(async () => {
      throw new Error('bad file');
    });
    await assert.rejects(failed, /bad file/);
    assert.equal(await oneUnpackAtATime(async () => 'next'), 'next', 'a failure does not stop the queue');
  });
});
