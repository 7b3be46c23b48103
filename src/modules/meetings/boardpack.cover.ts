// The board pack's cover and agenda as a printable HTML page (printed by Chromium, tagged,
// then placed first in the pack). The pack is public (ADR 0012): an exempt item is listed only
// as "Exempt item, paragraph N", and a paper that is not a PDF is named as not included.
import { formatDateTime } from '../../platform/views/nunjucks.ts';
import type { AgendaItemRow } from './agenda.repository.ts';
import type { MeetingRow } from './meetings.repository.ts';
import { itemPurposes } from './meetings.vocabulary.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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

function itemHtml(item: AgendaItemRow): string {
  if (item.exempt)
    return `<li><h2>Item ${item.number}: exempt item, paragraph ${item.exemptParagraph ?? ''}</h2>
      <p>This item is exempt under Schedule 12A of the Local Government Act 1972 and is not in this pack.</p></li>`;
  const papers = item.papers.map((paper) =>
    isPdfPaper(paper.mediaType)
      ? `<li>${escape(paper.fileName)} (in this pack)</li>`
      : `<li>Not included: ${escape(paper.fileName)} (${fileKind(paper.mediaType)})</li>`,
  );
  if (item.hasReport) papers.unshift('<li>The committee report (in this pack)</li>');
  return `<li><h2>Item ${item.number}: ${escape(item.title)}</h2>
    <p>${escape(itemPurposes[item.purpose as keyof typeof itemPurposes] ?? item.purpose)}${
      item.presenter ? `. Presented by ${escape(item.presenter)}` : ''
    }</p>${papers.length ? `<ul>${papers.join('')}</ul>` : '<p>No papers.</p>'}</li>`;
}

export function coverHtml(meeting: MeetingRow, items: AgendaItemRow[]): string {
  const where = meeting.place ?? meeting.onlineUrl ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(meeting.title)}: board pack</title>
<style>body{font-family:arial,sans-serif;font-size:12pt}ol{list-style:none;padding:0}h2{font-size:14pt;margin-bottom:4px}</style></head>
<body><main><h1>${escape(meeting.title)}: board pack</h1>
<p>${escape(meeting.bodies.map((body) => body.name).join(', '))}</p>
<p>${escape(formatDateTime(meeting.startsAt))}${where ? `, ${escape(where)}` : ''}</p>
<section><h2>Agenda</h2><ol>${items.map(itemHtml).join('')}</ol></section></main></body></html>`;
}
