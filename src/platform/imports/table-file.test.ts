import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { xlsxBomb } from '../../../test/support/zip.ts';
import { spreadsheetLimits } from '../files/zip-check.ts';
import { ImportFileInvalid, numberCell, readRecords, readTableFile } from './table-file.ts';
import { z } from 'zod';

describe('tables read from uploaded files', () => {
  it('reads a Latin-1 CSV (Excel’s plain CSV) with its accents: Zoë, not Zo\uFFFD', async () => {
    const read = await readTableFile(
      'members.csv',
      Buffer.from('name,organisation\r\nZoë Brontë,Café Ltd\r\n', 'latin1'),
    );
    assert.deepEqual(read.rows, [
      ['name', 'organisation'],
      ['Zoë Brontë', 'Café Ltd'],
    ]);
    assert.equal(read.encoding, 'windows-1252');
    assert.deepEqual(read.warnings, []);
  });

  it('warns naming the rows holding characters that cannot be read, counting rows as the preview does', async () => {
    const content = Buffer.concat([
      Buffer.from('name,notes\r\nAnn,"two\r\nlines"\r\nB', 'latin1'),
      Buffer.from([0x81]),
      Buffer.from('b,x\r\n', 'latin1'),
    ]);
    const read = await readTableFile('members.csv', content);
    assert.equal(read.rows[2]?.[0], 'B\u0081b');
    assert.deepEqual(read.warnings, [
      'Some characters could not be read as Windows-1252 on row 3: they show as “�” or not at all. Check the names on those lines, or upload the file again choosing the encoding it was saved in.',
    ]);
  });

  it('reads the encoding the person chose', async () => {
    const latin1 = Buffer.from('name\r\nZoë\r\n', 'latin1');
    const asUtf8 = await readTableFile('members.csv', latin1, { encoding: 'utf-8' });
    assert.equal(asUtf8.rows[1]?.[0], 'Zo\uFFFD');
    assert.match(asUtf8.warnings[0] ?? '', /could not be read as UTF-8 on row 2/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\nZoë\r\n', 'utf16le')]);
    assert.equal((await readTableFile('members.csv', utf16)).rows[1]?.[0], 'Zoë');
  });

  it('refuses an Excel file that would unpack beyond the limit, before unpacking it', async () => {
    const bomb = xlsxBomb(spreadsheetLimits.maxUnpackedBytes + 1024 * 1024);
    await assert.rejects(readTableFile('members.xlsx', bomb), (error: Error) => {
      assert.ok(error instanceof ImportFileInvalid);
      assert.match(
        error.message,
        /cannot be imported: one of its parts would unpack to 5\d MB, \d+ times its packed size/,
      );
      return true;
    });
  });

  it('reads number cells by the stated rules: "1,5" refused, never 15', () => {
    const schema = z.object({ value: numberCell('Value') });
    const read = readRecords(
      [['value'], ['1,5'], ['1,234.5'], ['1e308'], ['-1e308'], ['NaN'], ['72%'], ['']],
      { columns: ['value'], required: ['value'], schema },
    );
    assert.deepEqual(
      read.rows.map((row) => [row.line, row.value]),
      [
        [3, 1234.5],
        [7, 72],
      ],
    );
    assert.deepEqual(
      read.problems.map((p) => p.line),
      [2, 4, 5, 6],
    );
    assert.match(read.problems[0]!.message, /Value must use a full stop for decimals/);
    assert.match(read.problems[1]!.message, /written in digits/);
  });
});
