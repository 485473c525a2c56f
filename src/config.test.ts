import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config.js';

const secret = 'a'.repeat(64);

describe('configuration', () => {
  it('defaults to the SQLite file data/helhed.sqlite', () => {
    assert.deepEqual(parseDatabaseUrl(undefined, '/srv/helhed'), { engine: 'sqlite', location: '/srv/helhed/data/helhed.sqlite' });
  });

  it('reads sqlite:<path> relative to the working directory, and absolute paths as they are', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:var/h.db', '/srv'), { engine: 'sqlite', location: '/srv/var/h.db' });
    assert.deepEqual(parseDatabaseUrl('sqlite:/tmp/h.db', '/srv'), { engine: 'sqlite', location: '/tmp/h.db' });
  });

  it('recognises PostgreSQL connection strings', () => {
    assert.equal(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/helhed').engine, 'postgres');
    assert.equal(parseDatabaseUrl('postgresql://x@y/z').engine, 'postgres');
  });

  it('refuses an unknown database address with a Danish message naming the variable', () => {
    assert.throws(() => parseDatabaseUrl('mysql://x'), (e: unknown) => e instanceof ConfigError && /DATABASE_URL/.test(e.message) && /ukendt databaseadresse/.test(e.message));
  });

  it('uses port 3000 unless PORT says otherwise, and refuses a PORT that is not a number', () => {
    assert.equal(loadConfig({ HELHED_SECRET: secret }).port, 3000);
    assert.equal(loadConfig({ HELHED_SECRET: secret, PORT: '8080' }).port, 8080);
    assert.throws(() => loadConfig({ HELHED_SECRET: secret, PORT: 'otte' }), /PORT/);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    assert.throws(() => loadConfig({ HELHED_SECRET: 'abcd' }), /HELHED_SECRET/);
  });

  it('reads an OpenID Connect issuer when one is configured', () => {
    const config = loadConfig({ HELHED_SECRET: secret, HELHED_OIDC_ISSUER: 'https://login.example.dk', HELHED_OIDC_CLIENT_ID: 'helhed' });
    assert.deepEqual(config.oidc, { issuer: 'https://login.example.dk', clientId: 'helhed', clientSecret: undefined });
  });

  it('sends no e-mail unless HELHED_SMTP_URL is set, and sends from Helhed by default', () => {
    assert.deepEqual(loadConfig({ HELHED_SECRET: secret }).mail, { smtpUrl: undefined, from: 'Helhed <helhed@localhost>' });
    const config = loadConfig({ HELHED_SECRET: secret, HELHED_SMTP_URL: 'smtps://bruger:kode@mail.example.dk:465', HELHED_MAIL_FROM: 'Bysekretariatet <bs@randers.dk>' });
    assert.deepEqual(config.mail, { smtpUrl: 'smtps://bruger:kode@mail.example.dk:465', from: 'Bysekretariatet <bs@randers.dk>' });
  });

  it('refuses an SMTP address that is not smtp:// or smtps://, without printing its password', () => {
    assert.throws(() => loadConfig({ HELHED_SECRET: secret, HELHED_SMTP_URL: 'http://mail.example.dk' }), /HELHED_SMTP_URL.*smtp:\/\/ eller smtps:\/\//);
    assert.throws(
      () => loadConfig({ HELHED_SECRET: secret, HELHED_SMTP_URL: 'bruger:hemmelig@' }),
      (e: unknown) => e instanceof ConfigError && /HELHED_SMTP_URL/.test(e.message) && !/hemmelig/.test(e.message),
    );
  });
});
