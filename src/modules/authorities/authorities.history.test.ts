import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dayAfter,
  historyProblems,
  lifeOf,
  spanOf,
  typeOn,
  withinLife,
  yearsOf,
  type TypePeriod,
} from './authorities.history.ts';
import { readAuthoritiesReference, readAuthorityHistory } from './authorities.reference.ts';

const cornwall: TypePeriod[] = [
  { type: 'unitary authority', validFrom: '2009-04-01', validTo: null },
  { type: 'county council', validFrom: '1974-04-01', validTo: '2009-03-31' },
];

describe('a council’s type on a date', () => {
  it('is the type of the period holding the date', () => {
    assert.equal(typeOn(cornwall, '2009-03-31'), 'county council');
    assert.equal(typeOn(cornwall, '2009-04-01'), 'unitary authority');
    assert.equal(typeOn(cornwall, '2030-01-01'), 'unitary authority');
  });

  it('is the type at the nearest end of its life outside it', () => {
    assert.equal(typeOn(cornwall, '1960-01-01'), 'county council');
    const northamptonshire = [{ type: 'county council', validFrom: '1974-04-01', validTo: '2021-03-31' }];
    assert.equal(typeOn(northamptonshire, '2021-04-01'), 'county council');
    assert.equal(
      typeOn([{ type: 'London borough', validFrom: null, validTo: null }], '1900-01-01'),
      'London borough',
    );
    assert.equal(typeOn([], '2020-01-01'), undefined);
  });

  it('gives the life, its years and whether a date at any precision falls in it', () => {
    const life = lifeOf(cornwall);
    assert.deepEqual(life, { validFrom: '1974-04-01', validTo: null });
    assert.equal(yearsOf({ validFrom: '1974-04-01', validTo: '2009-03-31' }), '1974 to 2009');
    assert.equal(dayAfter('2009-03-31'), '2009-04-01');
    assert.equal(dayAfter('2020-02-29'), '2020-03-01');
    assert.deepEqual(spanOf('2009-04'), { first: '2009-04-01', last: '2009-04-31' });
    const cheshire = { validFrom: '1974-04-01', validTo: '2009-03-31' };
    assert.equal(withinLife('2009', cheshire), true);
    assert.equal(withinLife('2009-04', cheshire), false);
    assert.equal(withinLife('2009-03-31', cheshire), true);
    assert.equal(withinLife('1973', cheshire), false);
    assert.equal(withinLife('2007', { validFrom: '2009-04-01', validTo: null }), false);
  });

  it('finds gaps, overlaps, a wrong last type and missing successors', () => {
    const authorities = [
      { gssCode: 'E10000099', type: 'county council', validFrom: '1974-04-01', validTo: '2009-03-31' },
      { gssCode: 'E06000099', type: 'unitary authority', validFrom: '2009-04-02', validTo: null },
    ];
    const problems = historyProblems(
      authorities,
      [
        { gssCode: 'E10000099', type: 'county council', validFrom: '1974-04-01', validTo: '2000-01-01' },
        { gssCode: 'E10000099', type: 'unitary authority', validFrom: '2000-01-03', validTo: '2009-03-31' },
        { gssCode: 'E06000099', type: 'unitary authority', validFrom: '2009-04-02', validTo: null },
      ],
      [
        { gssCode: 'E10000099', successorGssCode: 'E06000099' },
        { gssCode: 'E10000099', successorGssCode: 'E06000098' },
      ],
    );
    assert.deepEqual(problems, [
      'E10000099: the period ending 2000-01-01 is not followed the next day',
      "E10000099: the last type period is not the authority's type (county council)",
      'E10000099: its successor E06000099 did not exist on 2009-04-01',
      'E10000099: its successor E06000098 is not an authority',
    ]);
  });
});

describe('the councils over time in data/reference', async () => {
  const { former, periods } = await readAuthorityHistory();
  const { authorities: current } = await readAuthoritiesReference();
  const periodsOf = (code: string) => periods.filter((p) => p.gssCode === code);
  const currentCodes = new Set(current.map((a) => a.gssCode));

  it('holds every change since 2009, with successors in the current list', () => {
    const ended = Object.fromEntries(former.map((f) => [f.gssCode, f.validTo]));
    const expected: Record<string, string> = {
      E10000001: '2009-03-31', // Bedfordshire
      E10000004: '2009-03-31', // Cheshire
      E10000005: '2009-03-31', // Cornwall
      E10000010: '2009-03-31', // Durham
      E10000022: '2009-03-31', // Northumberland
      E10000026: '2009-03-31', // Shropshire
      E10000033: '2009-03-31', // Wiltshire
      E06000028: '2019-03-31', // Bournemouth
      E06000029: '2019-03-31', // Poole
      E10000009: '2019-03-31', // Dorset
      E10000002: '2020-03-31', // Buckinghamshire
      E10000021: '2021-03-31', // Northamptonshire
      E10000006: '2023-03-31', // Cumbria
      E10000023: '2023-03-31', // North Yorkshire
      E10000027: '2023-03-31', // Somerset
    };
    assert.deepEqual(ended, expected);
    for (const f of former) {
      assert.ok(!currentCodes.has(f.gssCode), `${f.gssCode} is not current`);
      assert.ok(f.successorGssCodes.length, `${f.name} has successors`);
      for (const code of f.successorGssCodes) assert.ok(currentCodes.has(code), `${f.name}: ${code}`);
      assert.ok(f.source.startsWith('The '), `${f.name} names its order`);
    }
    assert.deepEqual(former.find((f) => f.name === 'Cheshire')!.successorGssCodes, [
      'E06000049',
      'E06000050',
    ]);
  });

  it('gives every council types covering its life without gaps, in order, ending in its type', () => {
    const authorities = [
      ...current.map((a) => ({ ...a, ...lifeOf(periodsOf(a.gssCode)), validTo: null })),
      ...former,
    ];
    const successions = former.flatMap((f) =>
      f.successorGssCodes.map((successorGssCode) => ({ gssCode: f.gssCode, successorGssCode })),
    );
    assert.deepEqual(historyProblems(authorities, periods, successions), []);
    for (const f of former) assert.ok(periodsOf(f.gssCode).length, `${f.name} has its types`);
  });

  it('has the councils that became unitary county councils before and unitary after', () => {
    const changed = {
      E06000052: '2009-04-01', // Cornwall
      E06000047: '2009-04-01', // County Durham
      E06000057: '2009-04-01', // Northumberland
      E06000051: '2009-04-01', // Shropshire
      E06000054: '2009-04-01', // Wiltshire
      E06000065: '2023-04-01', // North Yorkshire
      E06000066: '2023-04-01', // Somerset
    };
    for (const [code, on] of Object.entries(changed)) {
      const list = periodsOf(code);
      assert.equal(typeOn(list, dayBefore(on)), 'county council', code);
      assert.equal(typeOn(list, on), 'unitary authority', code);
      assert.equal(former.find((f) => f.continuingGssCode === code)?.validTo, dayBefore(on), code);
    }
  });
});

function dayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
