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
      ALLOWED_TENANT_IDS: ' 33333333-3333-3333-3333-333333333333 , 44444444-4444-4444-4444-444444444444 ,,',
    });
    expect(config.storage).toEqual({
      kind: 'managedIdentity',
      endpoint: 'https://digiverkosto.table.core.windows.net',
      clientId: '22222222-2222-2222-2222-222222222222',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('https://digiverkosto.example.fi');
    expect(config.sso.allowedTenantIds).toEqual([
      '33333333-3333-3333-3333-333333333333',
      '44444444-4444-4444-4444-444444444444',
    ]);
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

  it('does not take 127.0.0.1.nip.io or localhost.example for a loopback address', () => {
    for (const host of ['127.0.0.1.nip.io', 'localhost.example.fi', '127.evil.example', '::1.example']) {
      expect(() => loadConfig({ HOST: host })).toThrow(/HOST/);
    }
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    }
  });
});

describe('production configuration', () => {
  const valid = {
    APP_MODE: 'production',
    PORT: '8080',
    BOT_ID: '22222222-2222-2222-2222-222222222222',
    BOT_TYPE: 'UserAssignedMSI',
    BOT_TENANT_ID: '33333333-3333-3333-3333-333333333333',
    STORAGE_ACCOUNT_NAME: 'digiverkosto',
    PUBLIC_URL: 'https://digiverkosto.example.fi',
    AAD_APP_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
    ALLOWED_TENANT_IDS: '33333333-3333-3333-3333-333333333333',
  };

  function problemsOf(env: Record<string, string>): readonly string[] {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  }

  it('starts with complete, well-formed settings', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each([
    ['PUBLIC_URL', 'http://digiverkosto.example.fi'],
    ['PUBLIC_URL', 'javascript:alert(1)'],
    ['PUBLIC_URL', 'https://user:secret@digiverkosto.example.fi'],
    ['PORT', ''],
    ['SEED_DEMO', 'true'],
    ['ALLOWED_TENANT_IDS', ''],
    ['ALLOWED_TENANT_IDS', 'common,*'],
    ['ALLOWED_TENANT_IDS', '33333333-3333-3333-3333-333333333333,organizations'],
    ['GRAPH_BASE_URL', 'http://graph.example.fi'],
    ['STORAGE_TABLE_ENDPOINT', 'http://digiverkosto.table.core.windows.net'],
    ['HOST', '127.0.0.1.nip.io'],
  ])('refuses %s=%j, naming it', (name, value) => {
    const env: Record<string, string> = {
      ...valid,
      ...(name === 'GRAPH_BASE_URL' ? { GRAPH_ORGANIZER_UPN: 'kokoukset@example.fi' } : {}),
      [name]: value,
    };
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('names every bad value at once', () => {
    const problems = problemsOf({
      ...valid,
      PUBLIC_URL: 'http://x.example',
      SEED_DEMO: 'true',
      ALLOWED_TENANT_IDS: '*',
      PORT: '',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['ALLOWED_TENANT_IDS', 'PORT', 'PUBLIC_URL', 'SEED_DEMO'].sort(),
    );
  });
});
