import { ConfigError, loadConfig } from '../../bot/src/platform/config/config';

describe('Graph and RSVP reminder settings', () => {
  it('leaves Graph off without an organiser, and reminds 48 hours ahead by default', () => {
    const config = loadConfig({});
    expect(config.graph).toBeUndefined();
    expect(config.rsvpReminderHours).toBe(48);
  });

  it('signs in with a client secret when one is given, else with the managed identity', () => {
    const secret = loadConfig({
      GRAPH_ORGANIZER_UPN: 'digiverkosto@kuntaliitto.fi',
      GRAPH_TENANT_ID: 'tenant',
      GRAPH_CLIENT_ID: 'client',
      GRAPH_CLIENT_SECRET: 'secret',
      RSVP_REMINDER_HOURS: '24',
    });
    expect(secret.graph).toMatchObject({
      organizerUpn: 'digiverkosto@kuntaliitto.fi',
      clientSecret: 'secret',
      baseUrl: 'https://graph.microsoft.com',
    });
    expect(secret.rsvpReminderHours).toBe(24);
    const managed = loadConfig({ GRAPH_ORGANIZER_UPN: 'digiverkosto@kuntaliitto.fi', AZURE_CLIENT_ID: 'mi' });
    expect(managed.graph).toMatchObject({ clientSecret: undefined, managedIdentityClientId: 'mi' });
  });

  it('names every incomplete Graph setting', () => {
    expect(() => loadConfig({ GRAPH_CLIENT_SECRET: 'secret' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPH_ORGANIZER_UPN: 'x@y.fi', GRAPH_CLIENT_SECRET: 'secret' })).toThrow(
      /GRAPH_TENANT_ID and GRAPH_CLIENT_ID/,
    );
    expect(() => loadConfig({ GRAPH_BASE_URL: 'not a url', GRAPH_ORGANIZER_UPN: 'x@y.fi' })).toThrow(
      /GRAPH_BASE_URL/,
    );
    expect(() => loadConfig({ RSVP_REMINDER_HOURS: '0' })).toThrow(/RSVP_REMINDER_HOURS/);
  });
});
