// A committee report's fields as the form, the seeds and the services take them.
import { z } from 'zod';

const required = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || null);

/** Recommendations: a list, or from the form one a line (blank lines dropped). */
const recommendations = z.preprocess(
  (value) =>
    (typeof value === 'string' ? value.split(/\r?\n/) : Array.isArray(value) ? value : [])
      .map((line) => String(line).trim())
      .filter(Boolean),
  z
    .array(z.string().max(2000, 'Each recommendation must be 2000 characters or fewer'))
    .min(1, 'Enter at least one recommendation, one a line')
    .max(30, 'A report has at most 30 recommendations'),
);

export const committeeReportSchema = z.object({
  reportTo: required('who the report is to', 300),
  reportOf: required('whose report it is', 300),
  author: required('the author', 200),
  contactOfficer: optional('Contact officer', 500),
  title: required('the report’s title', 300),
  confidentiality: optional('Confidentiality', 1000),
  purpose: required('the purpose of the report', 5000),
  summary: optional('Summary', 10000),
  background: optional('Background', 50000),
  recommendations,
  decision: optional('Decision', 5000),
  backgroundDocuments: optional('Background documents', 5000),
  financialImplications: optional('Financial implications', 5000),
  legalImplications: optional('Legal implications', 5000),
  equalityImplications: optional('Equality implications', 5000),
  riskImplications: optional('Risk implications', 5000),
  appendices: optional('Appendices', 5000),
});

export type CommitteeReportValues = z.output<typeof committeeReportSchema>;
export type CommitteeReportInput = z.input<typeof committeeReportSchema>;
