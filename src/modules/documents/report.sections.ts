// A committee report's sections in reading order, each only when written: what the page, the
// PDF and the Word document all print under the report's header.
import type { CommitteeReportRow } from './report.repository.ts';

export interface ReportSection {
  heading: string;
  text?: string;
  list?: string[];
}

export function reportSections(report: CommitteeReportRow): ReportSection[] {
  const text = (heading: string, value: string | null): ReportSection[] =>
    value ? [{ heading, text: value }] : [];
  return [
    ...text('Purpose of the report', report.purpose),
    ...text('Summary', report.summary),
    ...text('Background', report.background),
    { heading: 'Recommendations', list: report.recommendations },
    ...text('Decision', report.decision),
    ...text('Financial implications', report.financialImplications),
    ...text('Legal implications', report.legalImplications),
    ...text('Equality implications', report.equalityImplications),
    ...text('Risk implications', report.riskImplications),
    ...text('Background documents', report.backgroundDocuments),
    ...text('Appendices', report.appendices),
  ];
}

/** The report's header: to whom, when, whose, by whom, and whether it is confidential. */
export function reportHeader(
  report: CommitteeReportRow,
  meeting: { title: string; startsAt: Date },
  item: { number: number; exempt: boolean; exemptParagraph: number | null },
  formatDate: (value: Date) => string,
): [label: string, value: string][] {
  const confidentiality =
    report.confidentiality ??
    (item.exempt
      ? `Exempt from publication: Schedule 12A to the Local Government Act 1972, paragraph ${item.exemptParagraph}`
      : 'Public');
  return [
    ['Report to', report.reportTo],
    ['Meeting date', formatDate(meeting.startsAt)],
    ['Agenda item', String(item.number)],
    ['Report of', report.reportOf],
    ['Author', report.author],
    ...(report.contactOfficer ? [['Contact officer', report.contactOfficer] as [string, string]] : []),
    ['Confidentiality', confidentiality],
  ];
}
