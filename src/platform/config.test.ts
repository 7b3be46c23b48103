import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, oidcRedirectUrl, redactedConfig, secureCookies } from './config.ts';

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

  it('keeps cookies secure in production unless insecure cookies are asked for by name', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    assert.equal(secureCookies(loadConfig(production)), true);
    assert.throws(
      () => loadConfig({ ...production, COOKIE_SECURE: 'false' }),
      /COOKIE_SECURE: production sends cookies over HTTPS only/,
    );
    const overridden = loadConfig({
      ...production,
      COOKIE_SECURE: 'false',
      INSECURE_COOKIES_IN_PRODUCTION: 'true',
    });
    assert.equal(secureCookies(overridden), false);
    assert.equal(secureCookies(loadConfig({})), false, 'development over plain HTTP');
  });

  it('hashes passwords at the low cost only outside production', () => {
    assert.equal(loadConfig({}).PASSWORD_HASH_COST, 'standard');
    assert.equal(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'low' }).PASSWORD_HASH_COST, 'low');
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PASSWORD_HASH_COST: 'low' }),
      /PASSWORD_HASH_COST: PASSWORD_HASH_COST=low is for the test suite/,
    );
  });

  it('checks the OpenID Connect settings together', () => {
    assert.throws(
      () => loadConfig({ OIDC_ISSUER: 'https://login.example.gov.uk/tenant/v2.0' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((problem) => problem.split(':')[0]),
          ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'],
        );
        return true;
      },
    );
    const oidc = {
      OIDC_ISSUER: 'https://login.example.gov.uk/tenant/v2.0',
      OIDC_CLIENT_ID: 'cooperate',
      OIDC_CLIENT_SECRET: 'secret',
      PUBLIC_URL: 'https://cooperate.example.gov.uk',
    };
    const config = loadConfig({ ...oidc, PASSWORD_SIGN_IN: 'off' });
    assert.equal(oidcRedirectUrl(config), 'https://cooperate.example.gov.uk/sign-in/oidc/callback');
    assert.equal(config.OIDC_SCOPES, 'openid email profile');
    assert.match(JSON.stringify(redactedConfig(config)), /"OIDC_CLIENT_SECRET":"\[redacted\]"/);
    assert.throws(() => loadConfig({ PASSWORD_SIGN_IN: 'off' }), /PASSWORD_SIGN_IN=off needs OIDC_ISSUER/);
    assert.throws(
      () => loadConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.gov.uk' }),
      /OIDC_ISSUER must be an https:\/\/ address/,
    );
    assert.throws(
      () => loadConfig({ ...oidc, OIDC_SCOPES: 'email profile' }),
      /OIDC_SCOPES must include openid/,
    );
  });

  it('never logs secrets', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db/x', SESSION_SECRET: 'x'.repeat(40) });
    const logged = JSON.stringify(redactedConfig(config));
    assert.doesNotMatch(logged, /u:p@db|xxxx/);
    assert.match(logged, /\[redacted\]/);
  });
});
