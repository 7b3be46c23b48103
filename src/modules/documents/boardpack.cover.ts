// The board pack's cover and agenda, as what the pack's print view shows (boardpack-print.njk,
// printed by Chromium, tagged, with the other printed parts). The pack is public (ADR 0012): an
// exempt item is listed only as "Exempt item, paragraph N"; a paper is "in this pack" when it is
// a PDF or was converted to one (Word, OpenDocument, PowerPoint, by LibreOffice: ADR 0047), and
// named as not included otherwise.
import type { AgendaItemRow, PaperRow } from '../agenda/index.ts';
import { itemPurposes } from '../meetings/index.ts';

const kindOfFile: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.ms-excel': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'text/plain; charset=utf-8': 'plain text',
};

export const isPdfPaper = (mediaType: string) => mediaType === 'application/pdf';
export const fileKind = (mediaType: string) => kindOfFile[mediaType] ?? 'file';

export interface AgendaEntry {
  number: number;
  title: string;
  exempt: boolean;
  purpose: string;
  presenter: string | null;
  papers: string[];
}

/**
 * The agenda as the pack lists it. `included` says of a paper whether it is in the pack, or why
 * not (a conversion that failed); a paper it does not name is not included.
 */
export function agendaEntries(
  items: AgendaItemRow[],
  included: Map<string, true | string> = new Map(),
): AgendaEntry[] {
  return items.map((item) => {
    if (item.exempt)
      return {
        number: item.number,
        title: `exempt item, paragraph ${item.exemptParagraph ?? ''}`,
        exempt: true,
        purpose: '',
        presenter: null,
        papers: [],
      };
    const paperLine = (paper: PaperRow) => {
      const state = included.get(paper.id);
      if (state === true) return `${paper.fileName} (in this pack)`;
      return `Not included: ${paper.fileName} (${fileKind(paper.mediaType)}${state ? `: ${state}` : ''})`;
    };
    return {
      number: item.number,
      title: item.title,
      exempt: false,
      purpose: itemPurposes[item.purpose as keyof typeof itemPurposes] ?? item.purpose,
      presenter: item.presenter,
      papers: [
        ...(item.hasReport ? ['The committee report (in this pack)'] : []),
        ...item.papers.map(paperLine),
      ],
    };
  });
}
