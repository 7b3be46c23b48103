import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { validate } from '../../platform/http/validation.ts';
import { partnershipFormSchema, partnershipJsonSchema } from './partnerships.schemas.ts';

const messages = (schema: z.ZodType, input: unknown) => {
  const result = validate(schema, input);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
};
const blankDate = { day: '', month: '', year: '' };

describe('the partnership form', () => {
  it('reports every missing answer in the order of the form', () => {
    assert.deepEqual(messages(partnershipFormSchema, { established: blankDate }), [
      'authorityGssCode: Select the local authority',
      'name: Enter the partnership’s name',
      'slug: Enter a short name for web addresses',
      'status: Select the partnership’s status',
      'published: Select yes if the partnership’s public pages should be published',
    ]);
  });

  it('checks lengths and the short name’s form', () => {
    const base = { authorityGssCode: 'E08000027', established: blankDate, status: 'active', published: 'no' };
    assert.deepEqual(
      messages(partnershipFormSchema, { ...base, name: 'x'.repeat(201), slug: 's'.repeat(61) }),
      ['name: Name must be 200 characters or fewer', 'slug: Short name must be 60 characters or fewer'],
    );
    assert.deepEqual(messages(partnershipFormSchema, { ...base, name: 'Dudley', slug: 'two--hyphens' }), [
      'slug: Short name must contain only letters, numbers and single hyphens, like dudley-childrens-trust',
    ]);
    assert.deepEqual(messages(partnershipFormSchema, { ...base, name: 'Dudley', slug: 'new' }), [
      'slug: This short name is reserved: choose another',
    ]);
    assert.deepEqual(
      messages(partnershipFormSchema, {
        ...base,
        authorityGssCode: 'Dudley',
        name: 'Dudley',
        slug: 'dudley',
      }),
      ['authorityGssCode: Select the local authority'],
    );
  });

  it('turns the answers into a partnership', () => {
    const result = validate(partnershipFormSchema, {
      authorityGssCode: 'E08000027',
      name: ' Dudley Children’s Trust ',
      slug: 'Dudley',
      established: { day: '', month: '', year: '2007' },
      status: 'active',
      published: 'yes',
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        authorityGssCode: 'E08000027',
        name: 'Dudley Children’s Trust',
        slug: 'dudley',
        established: '2007',
        status: 'active',
        published: true,
      },
    });
  });

  it('takes the same partnership as JSON', () => {
    assert.deepEqual(
      messages(partnershipJsonSchema, {
        authorityGssCode: 'E08000027',
        name: 'D',
        slug: 'd',
        established: 'spring 2007',
        status: 'open',
        published: 'yes',
      }),
      [
        'established: Date established must be a date like 2007, 2007-04 or 2007-04-20',
        'status: Select the partnership’s status',
        'published: published must be true or false',
      ],
    );
  });
});
