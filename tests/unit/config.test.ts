import { ConfigError, loadConfig } from '../../bot/src/platform/config/config';

describe('configuration', () => {
  it('runs locally on embedded defaults: anonymous bot on loopback port 3978', () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(config.mode).toBe('local');
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.bot).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses to start in production without a bot id or storage, naming every missing setting', () => {
    let caught: unknown;
    try {
      loadConfig({ APP_MODE: 'production' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('BOT_ID');
    expect(message).toContain('STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_NAME');
    expect(message).toContain('PUBLIC_URL');
    expect(message).toContain('AAD_APP_CLIENT_ID');
  });

  it('treats an empty bot id in production as missing', () => {
    expect(() =>
      loadConfig({
        APP_MODE: 'production',
        BOT_ID: '  ',
        STORAGE_ACCOUNT_NAME: 'digiverkosto',
        PUBLIC_URL: 'https://digiverkosto.example.fi',
        AAD_APP_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
      }),
    ).toThrow(/BOT_ID/);
  });

  it('uses managed identity for storage when only an account name is given', () => {
    const config = loadConfig({
      APP_MODE: 'production',
      BOT_ID: '22222222-2222-2222-2222-222222222222',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '33333333-3333-3333-3333-333333333333',
      STORAGE_ACCOUNT_NAME: 'digiverkosto',
      AZURE_CLIENT_ID: '22222222-2222-2222-2222-222222222222',
      PUBLIC_URL: 'https://digiverkosto.example.fi/',
      AAD_APP_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
      ALLOWED_TENANT_IDS: ' a , b ,,',
    });
    expect(config.storage).toEqual({
      kind: 'managedIdentity',
      endpoint: 'https://digiverkosto.table.core.windows.net',
      clientId: '22222222-2222-2222-2222-222222222222',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('https://digiverkosto.example.fi');
    expect(config.sso.allowedTenantIds).toEqual(['a', 'b']);
    expect(config.seedDemo).toBe(false);
  });

  it('rejects malformed values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ TABLE_PREFIX: '1-bad' })).toThrow(/TABLE_PREFIX/);
    expect(() => loadConfig({ BOT_TYPE: 'Whatever' })).toThrow(/BOT_TYPE/);
  });

  it('does not let an anonymous bot listen beyond loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST/);
  });
});
