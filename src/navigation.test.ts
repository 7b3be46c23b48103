import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request } from 'express';
import { navigationFor } from './navigation.ts';

const requestFor = (originalUrl: string, role: string | null, signedIn = true) =>
  ({
    originalUrl,
    user: signedIn ? { id: 'u', platformAdmin: false } : undefined,
    tenant: role ? { slug: 'dudley', role } : undefined,
  }) as unknown as Request;

const marked = (items: { text: string; active: boolean; current: boolean }[]) =>
  items
    .filter((item) => item.active || item.current)
    .map((item) => `${item.text}=${item.current ? 'page' : 'true'}`);

describe('where a page is in the menu', () => {
  it('marks the group and section from the whole address, not the router’s part of it', () => {
    const cases: [string, string[], string[]][] = [
      ['/partnerships/dudley', ['Overview=page'], []],
      ['/partnerships/dudley/', ['Overview=page'], []],
      ['/partnerships/dudley/meetings?from=2009-01-01', ['Meetings=page'], ['Meetings=page']],
      ['/partnerships/dudley/meetings/1234/edit', ['Meetings=true'], ['Meetings=true']],
      ['/partnerships/dudley/actions', ['Meetings=true'], ['Actions=page']],
      ['/partnerships/dudley/bodies/trust-board/seats', ['Structure and people=true'], ['Structure=true']],
      ['/partnerships/dudley/compliance', ['Structure and people=true'], ['Compliance=page']],
      ['/partnerships/dudley/highlight', ['Plan and performance=true'], ['Plans=true']],
      ['/partnerships/dudley/funds/1', ['Plan and performance=true'], ['Resources=true']],
      [
        '/partnerships/dudley/voice/recommendations',
        ['Surveys and voice=true'],
        ['Young people’s voice=true'],
      ],
      ['/partnerships/dudley/audit', ['Settings=true'], ['Audit trail=page']],
    ];
    for (const [address, menu, sections] of cases) {
      const navigation = navigationFor(requestFor(address, 'admin'));
      assert.deepEqual(marked(navigation.menu), menu, address);
      assert.deepEqual(marked(navigation.sections?.items ?? []), sections, address);
    }
  });

  it('shows settings only to those who may use them, and the groups in one short menu', () => {
    const viewer = navigationFor(requestFor('/partnerships/dudley', 'viewer'));
    assert.deepEqual(
      viewer.menu.map((item) => [item.text, item.href]),
      [
        ['Overview', '/partnerships/dudley'],
        ['Structure and people', '/partnerships/dudley/structure'],
        ['Meetings', '/partnerships/dudley/meetings'],
        ['Plan and performance', '/partnerships/dudley/plans'],
        ['Surveys and voice', '/partnerships/dudley/surveys'],
      ],
    );
    const admin = navigationFor(requestFor('/partnerships/dudley/users', 'admin'));
    assert.equal(admin.menu.at(-1)!.text, 'Settings');
    assert.deepEqual(
      admin.sections!.items.map((item) => item.text),
      ['Users', 'Audit trail', 'Outbox', 'Public pages', 'Partnership details'],
    );
    assert.equal(admin.sections!.label, 'Settings');
  });

  it('gives the signed-out and the partnerships list their own menus', () => {
    assert.deepEqual(marked(navigationFor(requestFor('/authorities/E08000027', null, false)).menu), [
      'Local authorities=true',
    ]);
    const list = navigationFor(requestFor('/', null));
    assert.deepEqual(marked(list.menu), ['Partnerships=page']);
    assert.equal(list.sections, null);
  });
});
