/** A survey's short name for web addresses, from its title: "Kent Children's Trust Strategic Review 2011 …" → kent-childrens-trust-strategic-review-2011. */
export function surveySlug(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if ([...kept, word].join('-').length > 50) break;
    kept.push(word);
  }
  return kept.join('-') || 'survey';
}
