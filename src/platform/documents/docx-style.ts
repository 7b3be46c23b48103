// The house style of every Word document the product writes, so that each reads like a
// council's paper (ADR 0038): A4 with 2.54 cm margins; a header with the partnership's name and
// the document's title; a footer "Page X of Y"; the document's language en-GB; Arial 12 pt with
// 6 pt after each paragraph; headings bold and black (never Word's default blue), kept with what
// follows; section and paragraph numbering ("1.", "1.1") for reports written in numbered
// paragraphs; tables whose columns are as wide as their content needs (`dataTable` in word.ts).
// Every docx builder makes its document with `councilDocument`.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx';
import { StandardFontEmbedder, StandardFonts } from 'pdf-lib';

export const language = 'en-GB';
export const font = 'Arial';
/** Sizes in half-points, as Word counts them. */
export const sizes = { body: 24, table: 20, small: 18, heading1: 32, heading2: 28, heading3: 24 } as const;
/** Black, and the dark grey of GOV.UK's secondary text (7:1 on white) for the header and footer. */
const black = '000000';
const grey = '505A5F';

/** A4 in twips (twentieths of a point), with 1 inch (2.54 cm) margins. */
const page = { width: 11906, height: 16838, margin: 1440 } as const;

/** The width text may take on a page, in twips. */
export function textWidth(landscape = false): number {
  return (landscape ? page.height : page.width) - 2 * page.margin;
}

// Arial's widths are Helvetica's (Arial was drawn to its metrics), which pdf-lib carries for
// the standard fonts; a character neither can encode counts as wide as an "M".
// (pdf-lib's enum and its fonts package's name the same fonts with two types)
type FontName = Parameters<typeof StandardFontEmbedder.for>[0];
// read with the first width measured, not with the server
let faces: Record<'regular' | 'bold', StandardFontEmbedder> | undefined;
const facesOf = () =>
  (faces ??= {
    regular: StandardFontEmbedder.for(StandardFonts.Helvetica as unknown as FontName),
    bold: StandardFontEmbedder.for(StandardFonts.HelveticaBold as unknown as FontName),
  });
const charWidths = new Map<string, number>();
function charWidth(char: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}${char}`;
  let width = charWidths.get(key);
  if (width === undefined) {
    const face = bold ? facesOf().bold : facesOf().regular;
    try {
      width = face.widthOfTextAtSize(char, 1000);
    } catch {
      width = face.widthOfTextAtSize('M', 1000);
    }
    charWidths.set(key, width);
  }
  return width;
}

/** How wide a text is set in Arial, in twips, at a size in half-points. */
export function measure(text: string, options: { size: number; bold?: boolean }): number {
  let thousandths = 0;
  for (const char of text) thousandths += charWidth(char, options.bold ?? false);
  return (thousandths / 1000) * (options.size / 2) * 20;
}

/** The numbering of reports' sections and paragraphs: "1." on a heading, "1.1" on a paragraph. */
export const paragraphNumbering = 'paragraphs';

/** A section heading numbered "1.", "2." … (Heading 2). */
export function numberedHeading(text: string): Paragraph {
  return new Paragraph({
    text,
    heading: HeadingLevel.HEADING_2,
    numbering: { reference: paragraphNumbering, level: 0 },
  });
}

/** A paragraph numbered within its section: "1.1", "1.2" … */
export function numberedParagraph(text: string): Paragraph {
  return new Paragraph({ text, numbering: { reference: paragraphNumbering, level: 1 } });
}

const indent = { left: 720, hanging: 720 };

const heading = (size: number, before: number) => ({
  run: { font, size, bold: true, color: black },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

const small = { font, size: sizes.small, color: grey };

function header(partnership: string, title: string, width: number): Header {
  const fits =
    measure(partnership, { size: sizes.small, bold: true }) + measure(title, { size: sizes.small }) + 480 <=
    width;
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6', space: 4 } };
  return new Header({
    children: fits
      ? [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: width }],
            border: rule,
            children: [
              new TextRun({ ...small, text: partnership, bold: true }),
              new TextRun({ ...small, text: `\t${title}` }),
            ],
          }),
        ]
      : [
          new Paragraph({
            spacing: { after: 0 },
            children: [new TextRun({ ...small, text: partnership, bold: true })],
          }),
          new Paragraph({ border: rule, children: [new TextRun({ ...small, text: title })] }),
        ],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

export interface DocumentFrame {
  /** The partnership whose paper it is: the header's first words and the document's author. */
  partnership: string;
  /** The document's title: in its properties (shown in the window) and the header. */
  title: string;
  /** A4 landscape, for tables too wide for portrait (their tables must be made landscape too). */
  landscape?: boolean;
}

/** A Word document in the house style: the frame's header and footer around `children`. */
export async function councilDocument(frame: DocumentFrame, children: readonly FileChild[]): Promise<Buffer> {
  const landscape = frame.landscape ?? false;
  const document = new Document({
    title: frame.title,
    creator: frame.partnership,
    lastModifiedBy: 'Cooperate',
    styles: {
      default: {
        document: {
          run: { font, size: sizes.body, color: black, language: { value: language } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: heading(sizes.heading1, 0),
        heading1: heading(sizes.heading1, 0),
        heading2: heading(sizes.heading2, 360),
        heading3: heading(sizes.heading3, 240),
        heading4: heading(sizes.body, 240),
        heading5: heading(sizes.body, 240),
        heading6: heading(sizes.body, 240),
        hyperlink: { run: { color: '1D70B8', underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: paragraphNumbering,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent } },
            },
            {
              level: 1,
              format: LevelFormat.DECIMAL,
              text: '%1.%2',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: page.width,
              height: page.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
          },
        },
        headers: { default: header(frame.partnership, frame.title, textWidth(landscape)) },
        footers: { default: footer() },
        children: [...children],
      },
    ],
  });
  return Packer.toBuffer(document);
}
