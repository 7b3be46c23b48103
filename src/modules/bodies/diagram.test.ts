import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { structureDiagram } from './diagram.ts';
import { structureAt, type Relationship, type StatusEvent } from './structure.ts';

const board = { id: 'b1', slug: 'board', name: 'Children’s Trust Board', kind: 'board' };
const group = { id: 'b2', slug: 'early-years', name: 'Early Years Group', kind: 'sub-group' };
const established = (bodyId: string, effectiveOn: string, status: StatusEvent['status'] = 'established') => ({
  bodyId,
  status,
  effectiveOn,
  precision: 'day' as const,
  previousName: null,
  newName: null,
  relatedBodyId: null,
  detail: null,
});
const reportsTo: Relationship = {
  id: 'r1',
  fromBodyId: 'b2',
  toBodyId: 'b1',
  kind: 'reports-to',
  startsOn: null,
  endsOn: null,
};
const events = [established('b1', '2008-01-01'), established('b2', '2010-01-01')];
const at = (date: string, bodies = [board, group], history = events, links = [reportsTo]) =>
  structureAt(bodies, history, links, date);

describe('the accountability diagram', () => {
  it('draws what a body, its status, a relationship, the date and the partnership decide', async () => {
    const base = await structureDiagram(at('2020-01-01'), '/partnerships/a');
    const renamed = await structureDiagram(
      at('2020-01-01', [{ ...board, name: 'Children and Young People’s Board' }, group]),
      '/partnerships/a',
    );
    assert.match(renamed!, /Children and Young/);
    const proposed = await structureDiagram(
      at('2020-01-01', [board, group], [...events, established('b2', '2019-06-01', 'proposed')]),
      '/partnerships/a',
    );
    const unlinked = await structureDiagram(at('2020-01-01', [board, group], events, []), '/partnerships/a');
    assert.doesNotMatch(unlinked!, /polyline/);
    const earlier = await structureDiagram(at('2009-01-01'), '/partnerships/a');
    assert.doesNotMatch(earlier!, /Early Years/);
    const otherTenant = await structureDiagram(at('2020-01-01'), '/partnerships/b');
    assert.match(otherTenant!, /href="\/partnerships\/b\/bodies\/board"/);
    assert.doesNotMatch(otherTenant!, /partnerships\/a/);
    assert.equal(new Set([base, renamed, proposed, unlinked, earlier, otherTenant]).size, 6);
  });
});
