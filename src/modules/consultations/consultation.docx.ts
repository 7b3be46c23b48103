// The partnership's response to a consultation as a Word document in the house style: each
// question and the board's agreed answer.
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { councilDocument } from '../../platform/documents/docx-style.ts';
import type { ConsultationEntry } from './consultation.service.ts';

export async function responseDocx(
  partnership: string,
  consultation: ConsultationEntry,
  introduction: string,
): Promise<Buffer> {
  const title = `Response to ${consultation.title}`;
  return councilDocument({ partnership, title }, [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: introduction }),
    ...consultation.questions.flatMap((q) => [
      new Paragraph({ text: `Question ${q.number}`, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ children: [new TextRun({ text: q.question, italics: true })] }),
      ...(q.answer ?? 'No answer agreed.')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => new Paragraph({ text: line })),
    ]),
  ]);
}
