import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, redactedConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.NODE_ENV, 'development');
  });

  it('ignores variables it does not know and treats empty ones as unset', () => {
    const config = loadConfig({ PATH: '/bin', PORT: '', HOME: '/root' });
    assert.equal(config.PORT, 3000);
    assert.equal('PATH' in config, false);
  });

  it('lists every problem at once', () => {
    assert.throws(
      () =>
        loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', NODE_ENV: 'production' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((problem) => problem.split(':')[0]),
          ['PORT', 'DATABASE_URL', 'LOG_LEVEL'],
        );
        return true;
      },
    );
  });

  it('requires a session secret in production', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      /SESSION_SECRET: SESSION_SECRET is required in production/,
    );
    assert.throws(
      () => loadConfig({ SESSION_SECRET: 'short' }),
      /SESSION_SECRET must be at least 32 characters/,
    );
  });

  it('hashes passwords at the low cost only outside production', () => {
    assert.equal(loadConfig({}).PASSWORD_HASH_COST, 'standard');
    assert.equal(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'low' }).PASSWORD_HASH_COST, 'low');
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PASSWORD_HASH_COST: 'low' }),
      /PASSWORD_HASH_COST: PASSWORD_HASH_COST=low is for the test suite/,
    );
  });

  it('never logs secrets', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db/x', SESSION_SECRET: 'x'.repeat(40) });
    const logged = JSON.stringify(redactedConfig(config));
    assert.doesNotMatch(logged, /u:p@db|xxxx/);
    assert.match(logged, /\[redacted\]/);
  });
});
