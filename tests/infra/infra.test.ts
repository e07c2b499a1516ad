import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../../bot/src/platform/config/config';
import { parseEnvFile, placeholdersIn } from '../../scripts/lib/env-files';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

const bicep = read('infra/azure.bicep');
const teamsappYml = read('teamsapp.yml');
const localYml = read('teamsapp.local.yml');

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Lifecycle {
  version: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

const project = YAML.parse(teamsappYml) as Lifecycle;
const local = YAML.parse(localYml) as Lifecycle;

/** The bicep without comments, so a commented-out line cannot satisfy a check. */
const bicepCode = bicep.replace(/^((?:[^'\n/]|\/(?!\/)|'(?:[^'\\\n]|\\.)*')*)\/\/.*$/gm, '$1');

const bicepOutputs = [...bicepCode.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((match) => match[1]);
const bicepParams = new Map(
  [...bicepCode.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map(
    (match) => [match[1], match[2] !== undefined] as const,
  ),
);

/** The body of a resource declaration, from its opening brace to the matching closing one. */
function resourceBody(symbol: string): string {
  const start = bicepCode.search(new RegExp(`^resource\\s+${symbol}\\s+'`, 'm'));
  if (start < 0) throw new Error(`no resource ${symbol} in azure.bicep`);
  const open = bicepCode.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < bicepCode.length; i++) {
    if (bicepCode[i] === '{') depth++;
    if (bicepCode[i] === '}' && --depth === 0) return bicepCode.slice(open, i + 1);
  }
  throw new Error(`unbalanced braces in resource ${symbol}`);
}

/** The web app's settings: name to bicep expression. */
function appSettings(): Map<string, string> {
  const body = resourceBody('webAppSettings');
  expect(body).toMatch(/name:\s*'appsettings'/);
  const properties = body.slice(body.indexOf('properties:'));
  return new Map(
    [...properties.matchAll(/^\s+([A-Za-z_][A-Za-z0-9_]*):\s*(.+?)\s*$/gm)].map((match) => [
      match[1],
      match[2],
    ]),
  );
}

/** A value the app could receive for a bicep expression: literals as written, anything else a stand-in. */
function sampleValue(expression: string): string {
  const literal = /^'(.*)'$/.exec(expression);
  if (literal) return literal[1].replace(/\$\{[^}]+\}/g, 'digiverkosto-example.azurewebsites.net');
  return '5f0c3b1e-8a2d-4c6e-9b7a-1d2e3f4a5b6c';
}

/** Every environment variable bot/src/platform/config/config.ts reads: the keys of its zod schema. */
function configVariables(): string[] {
  const source = read('bot/src/platform/config/config.ts');
  const schema = /const environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source);
  if (!schema) throw new Error('environmentSchema not found in config.ts');
  return [...schema[1].matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
}

/** Variables documented in the README's configuration table, with their default column. */
function documentedVariables(): Map<string, string> {
  const readme = fs.existsSync(path.join(ROOT, 'README.md')) ? read('README.md') : '';
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  return new Map(
    [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*([^|]*)\|/gm)].map((match) => [
      match[1],
      match[2].trim(),
    ]),
  );
}

function allActions(lifecycle: Lifecycle): Action[] {
  return [...(lifecycle.provision ?? []), ...(lifecycle.deploy ?? []), ...(lifecycle.publish ?? [])];
}

describe('the Azure infrastructure (infra/azure.bicep)', () => {
  it('provides every app setting production needs: the bot starts with exactly these settings', () => {
    const settings = appSettings();
    const env = Object.fromEntries(
      [...settings].map(([name, expression]) => [name, sampleValue(expression)]),
    );
    const config = loadConfig(env);
    expect(config.mode).toBe('production');
    expect(config.bot).toMatchObject({ appType: 'UserAssignedMSI', appPassword: undefined });
    expect(config.storage).toEqual({
      kind: 'managedIdentity',
      endpoint: `https://${env.STORAGE_ACCOUNT_NAME}.table.core.windows.net`,
      clientId: env.AZURE_CLIENT_ID,
    });
    expect(config.publicUrl).toMatch(/^https:\/\//);
    expect(config.sso.applicationIdUri).toMatch(/^api:\/\//);
  });

  it('sets the deployment settings App Service needs to run the built package', () => {
    const settings = appSettings();
    expect(settings.get('APP_MODE')).toBe("'production'");
    expect(settings.get('BOT_TYPE')).toBe("'UserAssignedMSI'");
    expect(settings.get('WEBSITE_RUN_FROM_PACKAGE')).toBe("'1'");
    expect(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT')).toBe("'false'");
    expect(settings.get('BOT_ID')).toBe('identity.properties.clientId');
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe(
      'insights.properties.ConnectionString',
    );
    for (const name of [
      'PUBLIC_URL',
      'BOT_TENANT_ID',
      'STORAGE_ACCOUNT_NAME',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_ID_URI',
      'TEAMS_APP_ID',
      'ALLOWED_TENANT_IDS',
    ]) {
      expect(settings.has(name)).toBe(true);
    }
  });

  it('leaves every other setting config.ts reads to a documented default', () => {
    const settings = appSettings();
    const documented = documentedVariables();
    const undocumented = configVariables().filter((name) => !settings.has(name) && !documented.has(name));
    expect(undocumented).toEqual([]);
  });

  it('holds no secret: no storage key, connection string or bot password', () => {
    expect(bicep).not.toMatch(/listKeys\(/i);
    expect(bicep).not.toMatch(
      /AccountKey|connectionString\s*:|STORAGE_CONNECTION_STRING|BOT_PASSWORD|@secure/,
    );
    expect(bicepCode).toMatch(/allowSharedKeyAccess:\s*false/);
  });

  it('serves only HTTPS with TLS 1.2 or later, and no FTP', () => {
    expect(resourceBody('webApp')).toMatch(/httpsOnly:\s*true/);
    expect(bicepCode).toMatch(/minTlsVersion:\s*'1\.2'/);
    expect(bicepCode).toMatch(/ftpsState:\s*'Disabled'/);
    expect(resourceBody('storage')).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(resourceBody('storage')).toMatch(/supportsHttpsTrafficOnly:\s*true/);
    expect(resourceBody('storage')).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(resourceBody('botService')).toMatch(
      /endpoint:\s*'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/,
    );
  });

  it('runs the compiled bot on Node 24 LTS, always on', () => {
    const webApp = resourceBody('webApp');
    expect(webApp).toMatch(/linuxFxVersion:\s*'NODE\|24-lts'/);
    expect(webApp).toMatch(/alwaysOn:\s*true/);
    const command = /appCommandLine:\s*'node ([^']+)'/.exec(webApp)?.[1];
    // bot/tsconfig.json compiles bot/src into bot/dist, so the entry point is bot/src/index.ts.
    expect(command).toBe('bot/dist/index.js');
    expect(fs.existsSync(path.join(ROOT, 'bot/src/index.ts'))).toBe(true);
    const healthPath = /healthCheckPath:\s*'([^']+)'/.exec(webApp)?.[1];
    expect(read('bot/src/server.ts')).toContain(`'${healthPath}'`);
  });

  it('lets the bot sign in as its user-assigned identity, on the Teams channel', () => {
    const bot = resourceBody('botService');
    expect(bot).toMatch(/msaAppType:\s*'UserAssignedMSI'/);
    expect(bot).toMatch(/msaAppId:\s*identity\.properties\.clientId/);
    expect(bot).toMatch(/msaAppMSIResourceId:\s*identity\.id/);
    expect(bot).toMatch(/msaAppTenantId:/);
    expect(resourceBody('teamsChannel')).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(resourceBody('webApp')).toMatch(/'\$\{identity\.id\}':\s*\{\}/);
  });

  it('grants the identity Storage Table Data Contributor on the storage account only', () => {
    expect(bicepCode).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    const assignment = resourceBody('tableDataContributor');
    expect(assignment).toMatch(/scope:\s*storage\b/);
    expect(assignment).toMatch(/principalId:\s*identity\.properties\.principalId/);
    expect(assignment).toMatch(/principalType:\s*'ServicePrincipal'/);
  });

  it('uses stable (non-preview) API versions', () => {
    const versions = [...bicepCode.matchAll(/^resource\s+\w+\s+'([^']+)'/gm)].map((match) => match[1]);
    expect(versions.length).toBeGreaterThanOrEqual(10);
    for (const type of versions) expect(type).toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}$/);
  });

  it('declares every parameter that azure.parameters.json sets, and the file sets every required one', () => {
    const parameters = (
      JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> }
    ).parameters;
    for (const name of Object.keys(parameters)) expect(bicepParams.has(name)).toBe(true);
    const required = [...bicepParams].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    for (const name of required) expect(Object.keys(parameters)).toContain(name);
  });
});

describe('the Teams Toolkit project (teamsapp.yml)', () => {
  const envDev = parseEnvFile(read('env/.env.dev'), 'env/.env.dev');
  const provision = project.provision ?? [];
  const armIndex = provision.findIndex((action) => action.uses === 'arm/deploy');

  it('provisions, deploys and publishes with the documented actions', () => {
    expect(project.version).toBe('v1.7');
    expect(provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect((project.deploy ?? []).map((action) => [action.uses, action.with?.args])).toEqual([
      ['cli/runNpmCommand', 'ci'],
      ['cli/runNpmCommand', 'run build:artifact'],
      ['azureAppService/zipDeploy', undefined],
    ]);
    expect((project.publish ?? []).map((action) => action.uses)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/publishAppPackage',
    ]);
  });

  it('refers only to files that exist', () => {
    for (const lifecycle of [project, local]) {
      for (const action of allActions(lifecycle)) {
        for (const key of ['manifestPath', 'ignoreFile']) {
          const file = action.with?.[key];
          if (typeof file === 'string') expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
        }
      }
    }
    const [template] = provision[armIndex].with!.templates as { path: string; parameters: string }[];
    expect(fs.existsSync(path.join(ROOT, template.path))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, template.parameters))).toBe(true);
  });

  it('gets from the bicep outputs every value it uses after arm/deploy that no action writes', () => {
    const writtenByActions = new Set(
      allActions(project).flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {})),
    );
    // Settings of the environment itself, and the scope id aadApp/update generates.
    const notFromAzure = new Set([
      'TEAMSFX_ENV',
      'APP_NAME_SUFFIX',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_RESOURCE_GROUP_NAME',
      'RESOURCE_SUFFIX',
      'ALLOWED_TENANT_IDS',
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
    ]);
    const usedAfterDeployment = [
      YAML.stringify(provision.slice(armIndex + 1)),
      YAML.stringify(project.deploy),
      read('appPackage/manifest.json'),
      read('appPackage/sv.json'),
      read('appPackage/en.json'),
      read('aad.manifest.json'),
    ].flatMap((text) => placeholdersIn(text));
    const fromAzure = [...new Set(usedAfterDeployment)].filter(
      (name) => !writtenByActions.has(name) && !notFromAzure.has(name),
    );
    expect(fromAzure.sort()).toEqual([
      'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
      'BOT_ID',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
    ]);
    for (const name of fromAzure) expect(bicepOutputs).toContain(name);
  });

  it('lists every bicep output and every value the deployment reads in env/.env.dev, with no secret there', () => {
    for (const name of bicepOutputs) expect(Object.keys(envDev)).toContain(name);
    const parameterPlaceholders = placeholdersIn(read('infra/azure.parameters.json'));
    for (const name of parameterPlaceholders) expect(Object.keys(envDev)).toContain(name);
    expect(Object.keys(envDev).filter((name) => /SECRET|PASSWORD|KEY|CONNECTION_STRING/.test(name))).toEqual(
      [],
    );
  });

  it('registers the single sign-on app for the tab domain with the Teams clients pre-authorized', () => {
    const aad = JSON.parse(read('aad.manifest.json')) as {
      identifierUris: string[];
      api: {
        oauth2PermissionScopes: { value: string; id: string }[];
        preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
      };
    };
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.api.oauth2PermissionScopes.map((scope) => scope.value)).toEqual(['access_as_user']);
    const scopeId = aad.api.oauth2PermissionScopes[0].id;
    expect(aad.api.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', delegatedPermissionIds: [scopeId] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', delegatedPermissionIds: [scopeId] },
    ]);
    // The manifest's webApplicationInfo.resource must be the same URI.
    expect(read('appPackage/manifest.json')).toContain(
      '"resource": "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"',
    );
  });

  it('deploys the production artifact folder that build:artifact writes, not the project folder', () => {
    const zipDeploy = (project.deploy ?? []).find((action) => action.uses === 'azureAppService/zipDeploy');
    expect(zipDeploy?.with?.artifactFolder).toBe('.deployment/app');
    expect(zipDeploy?.with?.ignoreFile).toBeUndefined();
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build:artifact']).toBe('tsx scripts/build-artifact.ts');
    expect(read('scripts/build-artifact.ts')).toContain("path.join(ROOT, '.deployment')");
    expect(read('.gitignore').split('\n')).toContain('.deployment/');
  });
});

describe('local debugging in Teams (teamsapp.local.yml)', () => {
  it('registers a bot for the tunnel and writes the settings the local server reads', () => {
    const provision = local.provision ?? [];
    expect(local.version).toBe('v1.7');
    expect(provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'botAadApp/create',
      'botFramework/create',
      'file/createOrUpdateEnvironmentFile',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(provision[2].with).toMatchObject({
      botId: '${{BOT_ID}}',
      messagingEndpoint: '${{BOT_ENDPOINT}}/api/messages',
    });
    const envFile = provision[3].with as { target: string; envs: Record<string, string> };
    // Secrets only ever go to the git-ignored .user file.
    expect(envFile.target).toBe('./env/.env.local.user');
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
    const configNames = new Set(configVariables());
    for (const name of ['BOT_ID', 'BOT_PASSWORD', 'BOT_TYPE', 'BOT_TENANT_ID', 'PUBLIC_URL']) {
      expect(configNames.has(name)).toBe(true);
      expect(Object.keys(envFile.envs)).toContain(name);
    }
  });
});
