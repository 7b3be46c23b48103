import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { validate } from '../../platform/http/validation.ts';
import {
  acceptInvitationSchema,
  addUserSchema,
  newUserSchema,
  signInSchema,
  tokenSchema,
} from './accounts.schemas.ts';

const messages = (schema: z.ZodType, input: unknown) => {
  const result = validate(schema, input);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

describe('account forms', () => {
  it('sign in asks for both answers', () => {
    assert.deepEqual(messages(signInSchema, {}), [
      'email: Enter your email address',
      'password: Enter your password',
    ]);
    assert.deepEqual(messages(signInSchema, { email: '  ', password: '' }), [
      'email: Enter your email address',
      'password: Enter your password',
    ]);
    assert.deepEqual(messages(signInSchema, { email: 'a@b.org', password: 'x' }), []);
  });

  it('adding a user needs a real email address and a role', () => {
    assert.deepEqual(messages(addUserSchema, {}), ['email: Enter an email address', 'role: Select a role']);
    assert.deepEqual(messages(addUserSchema, { email: '', role: 'owner' }), [
      'email: Enter an email address',
      'role: Select a role',
    ]);
    assert.deepEqual(messages(addUserSchema, { email: 'name.example.com', role: 'viewer' }), [
      'email: Enter an email address in the correct format, like name@example.com',
    ]);
    assert.deepEqual(messages(addUserSchema, { email: `${'a'.repeat(250)}@b.org`, role: 'viewer' }), [
      'email: Email address must be 254 characters or fewer',
    ]);
    const ok = validate(addUserSchema, { email: ' Anne.Gorton@Bolton.gov.uk ', role: 'editor' });
    assert.deepEqual(ok, { ok: true, value: { email: 'anne.gorton@bolton.gov.uk', role: 'editor' } });
  });

  it('accepting an invitation needs a name and a long enough password, typed twice', () => {
    assert.deepEqual(messages(acceptInvitationSchema, {}), [
      'name: Enter the person’s full name',
      'password: Enter a password',
      'confirmPassword: Enter the password again',
    ]);
    assert.deepEqual(
      messages(acceptInvitationSchema, {
        name: 'x'.repeat(201),
        password: 'short',
        confirmPassword: 'short',
      }),
      ['name: Full name must be 200 characters or fewer', 'password: Password must be 12 characters or more'],
    );
    assert.deepEqual(
      messages(acceptInvitationSchema, {
        name: 'Anne',
        password: 'p'.repeat(201),
        confirmPassword: 'p'.repeat(201),
      }),
      ['password: Password must be 200 characters or fewer'],
    );
    assert.deepEqual(
      messages(acceptInvitationSchema, {
        name: 'Anne',
        password: 'long enough words',
        confirmPassword: 'other words here',
      }),
      ['confirmPassword: Passwords must match'],
    );
  });

  it('a token needs a short name', () => {
    assert.deepEqual(messages(tokenSchema, { name: ' ' }), ['name: Enter a name for the token']);
    assert.deepEqual(messages(tokenSchema, { name: 'x'.repeat(101) }), [
      'name: Token name must be 100 characters or fewer',
    ]);
  });

  it('the command line checks a new user the same way', () => {
    assert.deepEqual(messages(newUserSchema, { email: 'x', name: '', password: 'short' }), [
      'email: Enter an email address in the correct format, like name@example.com',
      'name: Enter the person’s full name',
      'password: Password must be 12 characters or more',
    ]);
  });
});
