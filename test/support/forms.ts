// The forms of a page as a browser would send them, for tests that fill in whatever form a page
// has (the attack tests, tests through a proxy).
import * as cheerio from 'cheerio';

export type Fields = Record<string, string | string[]>;

export interface PageForm {
  /** Where it posts (the page's own address when the form names none). */
  action: string;
  multipart: boolean;
  /** Each field as a browser sends it untouched: checked boxes, chosen options, text as shown. */
  fields: Fields;
  /** Every field the form has, sent or not (an unchecked box, a file). */
  names: string[];
  /** The fields that take a file. */
  files: string[];
}

/** Every POST form in a page's main content (or the page, when it has no main). */
export function formsIn(html: string, pageAddress: string): PageForm[] {
  const page = cheerio.load(html);
  const scope = page('main').length ? 'main form' : 'form';
  return page(scope)
    .filter((_, form) => (page(form).attr('method') ?? 'get').toLowerCase() === 'post')
    .map((_, form) => {
      const element = page(form);
      const fields: Record<string, string[]> = {};
      const names = new Set<string>();
      const files: string[] = [];
      const add = (name: string, value: string) => (fields[name] ??= []).push(value);
      element.find('input, textarea, select').each((_, control) => {
        const field = page(control);
        const name = field.attr('name');
        if (!name || field.is('[disabled]')) return;
        names.add(name);
        const type = (field.attr('type') ?? 'text').toLowerCase();
        if (control.tagName === 'select') {
          const chosen = field.find('option[selected]').first();
          add(name, (chosen.length ? chosen : field.find('option').first()).attr('value') ?? '');
        } else if (control.tagName === 'textarea') add(name, field.text());
        else if (type === 'checkbox' || type === 'radio') {
          if (field.is('[checked]')) add(name, field.attr('value') ?? 'on');
        } else if (type === 'file') files.push(name);
        else if (type !== 'submit' && type !== 'button' && type !== 'image')
          add(name, field.attr('value') ?? '');
      });
      const action = new URL(element.attr('action') || pageAddress, 'http://localhost' + pageAddress);
      return {
        action: action.pathname + action.search,
        multipart: (element.attr('enctype') ?? '').toLowerCase() === 'multipart/form-data',
        fields: Object.fromEntries(
          Object.entries(fields).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]),
        ),
        names: [...names],
        files,
      };
    })
    .get();
}
