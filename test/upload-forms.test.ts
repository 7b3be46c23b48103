// A file upload's CSRF token travels in its body, before the file (test/upload-token.int.test.ts
// shows why and that an address carrying it is refused): every multipart form of every template
// opens with its `_csrf` field, and no template puts the token in an address, where the request
// log would write it and the check would refuse it. (The resources import's form once did.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';

/** The multipart forms of a template that do not open with their token, and addresses carrying it. */
function faultsOf(template: string): string[] {
  const faults: string[] = [];
  for (const match of template.matchAll(/<form\b[^>]*multipart\/form-data[^>]*>/g)) {
    const opening = template
      .slice(match.index + match[0].length)
      .replace(/^(\s|\{#[\s\S]*?#\})*/, '')
      .slice(0, 60);
    if (!opening.startsWith('<input type="hidden" name="_csrf"'))
      faults.push(`a multipart form that does not open with its _csrf field: ${match[0]}`);
  }
  for (const match of template.matchAll(/[?&]_csrf=/g))
    faults.push(
      `the token in an address: …${template.slice(Math.max(0, match.index - 40), match.index + 30)}…`,
    );
  return faults;
}

describe('the forms that upload files', () => {
  it('finds a form without its token first, and a token in an address', () => {
    assert.equal(
      faultsOf('<form method="post" enctype="multipart/form-data">\n  <input type="file" name="file">')
        .length,
      1,
    );
    assert.equal(
      faultsOf(
        '<form method="post" action="/x?_csrf={{ csrfToken }}" enctype="multipart/form-data">\n  {# first #}\n  <input type="hidden" name="_csrf" value="{{ csrfToken }}">',
      ).length,
      1,
    );
    assert.deepEqual(
      faultsOf(
        '<form method="post" enctype="multipart/form-data" novalidate>\n  {# the token first #}\n  <input type="hidden" name="_csrf" value="{{ csrfToken }}">',
      ),
      [],
    );
  });

  it('each open with the CSRF field, and no template puts the token in an address', () => {
    const templates = globSync('src/**/*.njk');
    assert.ok(templates.length > 100, `only ${templates.length} templates found`);
    const uploads = templates.filter((file) => readFileSync(file, 'utf8').includes('multipart/form-data'));
    assert.ok(uploads.length >= 4, `only ${uploads.length} upload forms found`);
    const faults = templates.flatMap((file) =>
      faultsOf(readFileSync(file, 'utf8')).map((fault) => `${file}: ${fault}`),
    );
    assert.deepEqual(faults, []);
  });
});
