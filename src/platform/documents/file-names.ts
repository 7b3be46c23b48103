// Names of downloaded files that say what the file is (issue 23 item 4; ADR 0049): whose it is,
// what of, and when, in lower-case words joined by hyphens, so a folder of downloads sorts and
// reads well and no name is `board-pack.pdf` twice: "nottinghamshire-board-2009-01-21-pack".
// The extension is added by the sender (`sendCsv`, `sendDocument`, `sendXlsx`).

/** A part of a name: letters and digits kept (accents dropped), everything else one hyphen. */
export function namePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The parts that are given, each made a name part, joined by hyphens (at most 120 characters). */
export function fileName(...parts: (string | number | null | undefined)[]): string {
  const name = parts
    .filter((part) => part !== null && part !== undefined && part !== '')
    .map((part) => namePart(String(part)))
    .filter(Boolean)
    .join('-');
  return (name.slice(0, 120).replace(/-+$/, '') || 'download').toString();
}

/**
 * A meeting's file: the partnership, the meeting's (first) body, its day in England and what
 * the file is, like "nottinghamshire-board-2009-01-21-pack".
 */
export function meetingFileName(
  partnershipSlug: string,
  meeting: { bodies: readonly { slug: string }[]; startsAt: Date },
  what: string,
): string {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(meeting.startsAt);
  return fileName(partnershipSlug, meeting.bodies[0]?.slug ?? 'meeting', day, what);
}
