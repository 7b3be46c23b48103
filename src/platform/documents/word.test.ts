import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Packer, Document } from 'docx';
import JSZip from 'jszip';
import { councilDocument, measure, textWidth } from './docx-style.ts';
import { columnWidths, dataTable } from './word.ts';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The table's XML as Word would read it, and its grid. */
async function tableXml(table: ReturnType<typeof dataTable>) {
  const zip = await JSZip.loadAsync(
    await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })),
  );
  const xml = await zip.file('word/document.xml')!.async('string');
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
  return { xml, grid, sizes };
}

describe('Word tables and the house style', () => {
  it('gives every column at least its widest word and fills the width exactly', () => {
    const columns = [
      { least: 1500, most: 9000 },
      { least: 700, most: 800 },
      { least: 1000, most: 4000 },
    ];
    const widths = columnWidths(columns, 9026);
    assert.equal(sum(widths), 9026);
    widths.forEach((width, index) => assert.ok(width >= columns[index]!.least - 1));
    // the room left goes to the columns whose lines would still take it, not to the short one
    assert.ok(widths[1]! < 900);
    // everything fits on one line: each column grows with what it holds
    const roomy = columnWidths(
      [
        { least: 500, most: 1000 },
        { least: 500, most: 3000 },
      ],
      8000,
    );
    assert.deepEqual(roomy, [2000, 6000]);
  });

  it('keeps "Organisation" whole in a ten-column table, setting it smaller before breaking a word', async () => {
    const header = [
      'Member',
      'Seat',
      'Organisation',
      'Expected',
      'Attended',
      'Apologies',
      'Substitutes',
      'Absent',
      'Not recorded',
      'Rate',
    ];
    const long = '=HYPERLINK("http://x","y")';
    const { grid, sizes } = await tableXml(
      dataTable([[long, 'Illustrative seat 1, Dudley MBC', long, '3', '2', '1', '1', '0', '0', '66%']], {
        header,
        landscape: true,
      }),
    );
    assert.equal(sum(grid), textWidth(true));
    assert.deepEqual([...sizes], [18], 'set at 9 pt, not 10 pt');
    assert.ok(grid[2]! >= measure('Organisation', { size: 18, bold: true }) + 216);
    assert.ok(grid[0]! >= measure(long, { size: 18 }) + 216);
  });

  it('gives a column of labels what its labels need and the rest to the values', async () => {
    const { grid } = await tableXml(
      dataTable(
        [
          ['Report to', 'Executive Board'],
          ['Report of', 'Director of Children’s Services'],
        ],
        { labels: true },
      ),
    );
    assert.ok(grid[0]! < 2000, `the labels' column is ${grid[0]} twips`);
    assert.equal(sum(grid), textWidth());
  });

  it('puts the partnership and the title in the header, on two lines when one will not hold them', async () => {
    const parts = async (title: string) => {
      const zip = await JSZip.loadAsync(
        await councilDocument({ partnership: 'Dudley Children’s Trust', title }, []),
      );
      const name = Object.keys(zip.files).find((file) => /^word\/header\d*\.xml$/.test(file))!;
      const xml = await zip.file(name)!.async('string');
      return { paragraphs: xml.match(/<w:p>/g)?.length ?? 0, text: xml.replace(/<[^>]+>/g, '') };
    };
    const short = await parts('Attendance at Executive Board');
    assert.equal(short.paragraphs, 1);
    assert.equal(short.text, 'Dudley Children’s Trust\tAttendance at Executive Board');
    const long = await parts(
      'Refreshing the Children and Young People’s Plan 2009 to 2011: the timetable and the consultation',
    );
    assert.equal(long.paragraphs, 2);
  });
});
