// A message as plain text and as HTML in the GOV.UK style for e-mails (GOV.UK Notify's: a
// black bar with the service's name, Arial 19px, blue underlined links, a grey inset, short
// paragraphs). Everything a user typed is escaped in the HTML part, and only http(s) links are
// written, so nothing in a message can run in a mail client.

export type MailBlock =
  | { paragraph: string }
  | { heading: string }
  | { list: string[] }
  | { links: { text: string; href: string }[] }
  | { inset: string };

export interface MailContent {
  subject: string;
  /** "Dear …" is not GOV.UK style: a plain greeting with the name, if known. */
  greeting?: string | undefined;
  blocks: MailBlock[];
}

export interface Composed {
  text: string;
  html: string;
}

export const serviceName = 'Cooperate';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only absolute http(s) addresses become links; anything else is refused loudly. */
export function safeHref(href: string): string {
  const url = new URL(href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`Not a web address for a message: ${href}`);
  return url.toString();
}

// Lines of the plain text part: a header line or two of text never needs wrapping by us.
function textOf(block: MailBlock): string {
  if ('paragraph' in block) return block.paragraph;
  if ('heading' in block) return `${block.heading}\n${'-'.repeat(Math.min(block.heading.length, 60))}`;
  if ('list' in block) return block.list.map((item) => `* ${item}`).join('\n');
  if ('links' in block)
    return block.links.map((link) => `${link.text}:\n${safeHref(link.href)}`).join('\n\n');
  return `^ ${block.inset}`;
}

const font = 'font-family: Helvetica, Arial, sans-serif;';
const text = `${font} font-size: 19px; line-height: 1.315789474; color: #0b0c0c;`;
const link = 'color: #1d70b8; text-decoration: underline;';

function htmlOf(block: MailBlock): string {
  if ('paragraph' in block)
    return `<p style="Margin: 0 0 20px 0; ${text}">${escapeHtml(block.paragraph)}</p>`;
  if ('heading' in block)
    return `<h2 style="Margin: 0 0 15px 0; ${font} font-size: 24px; line-height: 1.25; font-weight: 700; color: #0b0c0c;">${escapeHtml(block.heading)}</h2>`;
  if ('list' in block)
    return `<ul style="Margin: 0 0 20px 0; padding: 0 0 0 20px; list-style-type: disc;">${block.list
      .map((item) => `<li style="Margin: 5px 0 5px; ${text}">${escapeHtml(item)}</li>`)
      .join('')}</ul>`;
  if ('links' in block)
    return block.links
      .map(
        (each) =>
          `<p style="Margin: 0 0 20px 0; ${text}"><a href="${escapeHtml(safeHref(each.href))}" style="${link}">${escapeHtml(each.text)}</a></p>`,
      )
      .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="border-left: 10px solid #b1b4b6; padding: 15px 0 0.1px 15px; ${text}"><p style="Margin: 0 0 20px 0; ${text}">${escapeHtml(block.inset)}</p></td></tr></table>`;
}

export function compose(content: MailContent, options: { unsubscribeUrl?: string | null } = {}): Composed {
  const blocks: MailBlock[] = [...content.blocks];
  const footerText = options.unsubscribeUrl
    ? `You can stop these e-mails: ${safeHref(options.unsubscribeUrl)}`
    : 'You cannot switch these e-mails off while you have this role.';
  const textParts = [
    ...(content.greeting ? [content.greeting] : []),
    ...blocks.map(textOf),
    '---',
    `From ${serviceName}. ${footerText}`,
  ];
  const footerHtml = options.unsubscribeUrl
    ? `<a href="${escapeHtml(safeHref(options.unsubscribeUrl))}" style="${link}">Stop these e-mails</a>`
    : 'You cannot switch these e-mails off while you have this role.';
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="${font} margin: 0; padding: 0; -webkit-text-size-adjust: 100%;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse; min-width: 100%;">
<tr><td style="background-color: #0b0c0c; padding: 10px 15px;"><span style="${font} font-size: 28px; line-height: 1.315789474; font-weight: 700; color: #ffffff;">${serviceName}</span></td></tr>
<tr><td style="padding: 30px 15px 10px; max-width: 580px;">
${content.greeting ? `<p style="Margin: 0 0 20px 0; ${text}">${escapeHtml(content.greeting)}</p>` : ''}
${blocks.map(htmlOf).join('\n')}
<hr style="border: 0; border-top: 1px solid #b1b4b6; Margin: 30px 0 15px;">
<p style="Margin: 0 0 20px 0; ${font} font-size: 16px; line-height: 1.25; color: #505a5f;">From ${serviceName}. ${footerHtml}</p>
</td></tr></table>
</body></html>
`;
  return { text: `${textParts.join('\n\n')}\n`, html };
}
