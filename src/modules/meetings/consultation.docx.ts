// The partnership's response to a consultation as a Word document: each question and the
// board's agreed answer.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ConsultationEntry } from './consultation.service.ts';

export async function responseDocx(consultation: ConsultationEntry, introduction: string): Promise<Buffer> {
  const title = `Response to ${consultation.title}`;
  const document = new Document({
    title,
    creator: 'Cooperate',
    sections: [
      {
        children: [
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
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
