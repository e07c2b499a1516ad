import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { MESSAGES } from '../../bot/src/shared/i18n/messages';
import { buildAppPackage } from '../../scripts/lib/app-package';
import {
  jsonStringContent,
  MissingVariablesError,
  substitutePlaceholders,
} from '../../scripts/lib/env-files';
import {
  compareLocalizationWithManifest,
  localizableStrings,
  validateLocalization,
  validateManifest,
} from '../../scripts/lib/manifest-validation';

const APP_PACKAGE = path.resolve(__dirname, '..', '..', 'appPackage');
const ENV_DIR = path.resolve(__dirname, '..', '..', 'env');

/** What provisioning would put in the environment of a real deployment. */
const DEPLOYED = {
  TEAMS_APP_ID: '3d7a9c1e-2b4f-4e6a-8c0d-5f1e2a3b4c5d',
  BOT_ID: '9b8c7d6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e',
  AAD_APP_CLIENT_ID: '6e5d4c3b-2a1f-4e0d-8c9b-7a6f5e4d3c2b',
  TAB_ENDPOINT: 'https://digiverkostoa1b2c3.azurewebsites.net',
  TAB_DOMAIN: 'digiverkostoa1b2c3.azurewebsites.net',
  APP_NAME_SUFFIX: '',
} as const;

type Json = Record<string, unknown>;

function readWithValues(file: string, values: Readonly<Record<string, string>> = DEPLOYED): Json {
  const text = fs.readFileSync(path.join(APP_PACKAGE, file), 'utf8');
  return JSON.parse(substitutePlaceholders(text, values, file, jsonStringContent)) as Json;
}

function readRaw(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(APP_PACKAGE, file), 'utf8')) as Json;
}

interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** RGBA, 4 bytes a pixel, whatever the file's colour type. */
  rgba: Uint8Array;
}

/**
 * An independent PNG decoder (not the encoder's code): chunk CRCs, IHDR, IDAT inflate and the five
 * scanline filters, for 8-bit RGB and RGBA without interlacing.
 */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header:
    { width: number; height: number; bitDepth: number; colourType: number; interlace: number } | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < file.length && !ended) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    const crc = file.readUInt32BE(offset + 8 + length);
    expect(zlib.crc32(file.subarray(offset + 4, offset + 8 + length))).toBe(crc);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colourType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR chunk');
  expect(ended).toBe(true);
  expect(header.bitDepth).toBe(8);
  expect(header.interlace).toBe(0);
  const channels = header.colourType === 6 ? 4 : header.colourType === 2 ? 3 : 0;
  if (channels === 0) throw new Error(`unsupported colour type ${header.colourType}`);

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  expect(raw.length).toBe((stride + 1) * header.height);
  const pixels = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`unknown scanline filter ${filter}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i++) {
    rgba.set(pixels.subarray(i * channels, i * channels + 3), i * 4);
    rgba[i * 4 + 3] = channels === 4 ? pixels[i * channels + 3] : 255;
  }
  return { width: header.width, height: header.height, colourType: header.colourType, rgba };
}

function commandTitles(localization: Json, list: number): string[] {
  return Object.entries(localization)
    .filter(([key]) =>
      new RegExp(`^bots\\[0\\]\\.commandLists\\[${list}\\]\\.commands\\[\\d+\\]\\.title$`).test(key),
    )
    .map(([, title]) => String(title));
}

describe('the Teams app manifest', () => {
  const manifest = readWithValues('manifest.json');
  const version = String(manifest.manifestVersion);

  it('validates against the official schema of the version it declares, with real values in place', () => {
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
  });

  it('is rejected by the same validation when something Teams requires is wrong', () => {
    const broken = { ...manifest, id: 'not-a-guid', version: '1.0' };
    const problems = validateManifest(broken);
    expect(problems.some((problem) => problem.includes('/id'))).toBe(true);
    expect(problems.some((problem) => problem.includes('"1.0" is not major.minor.patch'))).toBe(true);
  });

  it('has a semantic version', () => {
    expect(manifest.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  it('speaks Finnish by default, with Swedish and English files', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'fi',
      additionalLanguages: [
        { languageTag: 'sv', file: 'sv.json' },
        { languageTag: 'en', file: 'en.json' },
      ],
    });
  });

  it('takes every deployment-specific value from a Teams Toolkit placeholder', () => {
    const raw = fs.readFileSync(path.join(APP_PACKAGE, 'manifest.json'), 'utf8');
    for (const name of [
      'TEAMS_APP_ID',
      'BOT_ID',
      'TAB_ENDPOINT',
      'TAB_DOMAIN',
      'AAD_APP_CLIENT_ID',
      'APP_NAME_SUFFIX',
    ]) {
      expect(raw).toContain(`\${{${name}}}`);
    }
    expect(manifest.id).toBe(DEPLOYED.TEAMS_APP_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: DEPLOYED.AAD_APP_CLIENT_ID,
      resource: `api://${DEPLOYED.TAB_DOMAIN}/${DEPLOYED.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual([DEPLOYED.TAB_DOMAIN]);
    expect(manifest.developer).toMatchObject({
      name: 'Kuntaliitto',
      websiteUrl: 'https://www.kuntaliitto.fi',
      privacyUrl: `${DEPLOYED.TAB_ENDPOINT}/tab/#/privacy`,
      termsOfUseUrl: `${DEPLOYED.TAB_ENDPOINT}/tab/#/terms`,
    });
  });

  it('asks for no resource-specific or device permissions', () => {
    expect(manifest.authorization).toBeUndefined();
    expect(manifest.devicePermissions).toBeUndefined();
    expect(manifest.permissions).toEqual(['identity']);
  });

  it('offers the programme and coordinator tabs whose entity ids the bot deep-links to', () => {
    const tabs = manifest.staticTabs as Json[];
    expect(tabs.map((tab) => tab.entityId)).toEqual(['programme', 'conversations', 'coordinator', 'about']);
    expect(tabs[0]).toMatchObject({
      contentUrl: `${DEPLOYED.TAB_ENDPOINT}/tab/#/programme`,
      scopes: ['personal'],
    });
    expect(tabs[2]).toMatchObject({
      contentUrl: `${DEPLOYED.TAB_ENDPOINT}/tab/#/coordinator`,
      scopes: ['personal'],
    });
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: `${DEPLOYED.TAB_ENDPOINT}/tab/#/config`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      },
    ]);
  });

  it('installs the bot in teams, group chats and personally, without files', () => {
    const [bot] = manifest.bots as Json[];
    expect(bot).toMatchObject({ botId: DEPLOYED.BOT_ID, supportsFiles: false });
    expect(new Set(bot.scopes as string[])).toEqual(new Set(['team', 'groupChat', 'personal']));
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    expect(lists[0].commands.map((command) => command.title)).toEqual([
      'ohjelma',
      'toiveet',
      'ryhmäni',
      'ilmoittaudu',
      'kysely',
      'digitiekartta',
      'kieli',
      'omat tietoni',
      'ohje',
    ]);
    // A person's own data is shown only in the personal chat, never in a channel.
    for (const list of lists.slice(1)) {
      expect(list.commands.map((command) => command.title)).not.toContain('omat tietoni');
    }
  });
});

describe('the Swedish and English translations of the manifest', () => {
  const manifest = readWithValues('manifest.json');
  const version = String(manifest.manifestVersion);

  it.each(['sv.json', 'en.json'])(
    '%s validates against the localization schema of the manifest version',
    (file) => {
      const localization = readWithValues(file);
      expect(validateLocalization(localization, version, file)).toEqual([]);
      expect(localization.$schema).toBe(
        `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
      );
    },
  );

  it.each(['sv.json', 'en.json'])('%s translates exactly the localizable strings of the manifest', (file) => {
    expect(compareLocalizationWithManifest(manifest, readWithValues(file), file)).toEqual([]);
  });

  it('covers the app name, descriptions, every command title and description and the tab names', () => {
    const keys = [...localizableStrings(manifest).keys()];
    expect(keys).toEqual(
      expect.arrayContaining([
        'name.short',
        'name.full',
        'description.short',
        'description.full',
        'bots[0].commandLists[0].commands[0].title',
        'bots[0].commandLists[0].commands[4].description',
        'bots[0].commandLists[2].commands[3].title',
        'staticTabs[0].name',
        'staticTabs[2].name',
      ]),
    );
  });

  it('flags a translation whose key does not match a manifest path', () => {
    const localization = {
      ...readWithValues('sv.json'),
      'bots[0].commandLists[0].commands[9].title': 'extra',
    };
    expect(compareLocalizationWithManifest(manifest, localization, 'sv.json')).toEqual([
      'sv.json: "bots[0].commandLists[0].commands[9].title" is not a localizable string of the manifest',
    ]);
  });

  it.each([
    [
      'fi',
      'manifest.json',
      [
        'ohjelma',
        'toiveet',
        'ryhmäni',
        'ilmoittaudu',
        'kysely',
        'digitiekartta',
        'kieli',
        'omat tietoni',
        'ohje',
      ],
    ],
    [
      'sv',
      'sv.json',
      [
        'program',
        'önskemål',
        'min grupp',
        'anmälan',
        'enkät',
        'färdplan',
        'språk',
        'mina uppgifter',
        'hjälp',
      ],
    ],
    [
      'en',
      'en.json',
      ['schedule', 'wishes', 'my group', 'register', 'survey', 'roadmap', 'language', 'my data', 'help'],
    ],
  ] as const)(
    'the %s command menu offers the commands the help card explains',
    (language, file, expected) => {
      const titles =
        file === 'manifest.json'
          ? (
              (manifest.bots as Json[])[0].commandLists as { commands: { title: string }[] }[]
            )[0].commands.map((command) => command.title)
          : commandTitles(readRaw(file), 0);
      expect(titles).toEqual(expected);
      expect(new Set(titles)).toEqual(new Set(MESSAGES[language].helpCommands.map((help) => help.command)));
    },
  );
});

describe('the app icons', () => {
  it('color.png is a full-colour 192x192 image', () => {
    const png = decodePng(fs.readFileSync(path.join(APP_PACKAGE, 'color.png')));
    expect([png.width, png.height]).toEqual([192, 192]);
    const colours = new Set<number>();
    for (let i = 0; i < png.rgba.length; i += 4) {
      colours.add((png.rgba[i] << 16) | (png.rgba[i + 1] << 8) | png.rgba[i + 2]);
    }
    expect(colours.size).toBeGreaterThan(2);
  });

  it('outline.png is 32x32 with only white or fully transparent pixels', () => {
    const png = decodePng(fs.readFileSync(path.join(APP_PACKAGE, 'outline.png')));
    expect([png.width, png.height]).toEqual([32, 32]);
    const offenders: string[] = [];
    let opaque = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      const [r, g, b, a] = [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2], png.rgba[i + 3]];
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255))
        offenders.push(`(${(i / 4) % 32},${Math.floor(i / 4 / 32)})`);
      if (a === 255) opaque++;
    }
    expect(offenders).toEqual([]);
    expect(opaque).toBeGreaterThan(50);
    // The corners are background.
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(png.rgba[corner * 4 + 3]).toBe(0);
  });
});

describe('packaging the app for an environment', () => {
  let workDir: string;

  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiverkosto-package-'));
  });

  afterEach(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('writes a zip with the five files at its root and every placeholder substituted', async () => {
    const envDir = path.join(workDir, 'env');
    fs.mkdirSync(envDir);
    fs.writeFileSync(
      path.join(envDir, '.env.staging'),
      [
        '# committed values',
        'APP_NAME_SUFFIX=staging',
        `TEAMS_APP_ID=${DEPLOYED.TEAMS_APP_ID}`,
        'BOT_ID=',
        `TAB_ENDPOINT=${DEPLOYED.TAB_ENDPOINT}`,
        `TAB_DOMAIN=${DEPLOYED.TAB_DOMAIN}`,
        `AAD_APP_CLIENT_ID=${DEPLOYED.AAD_APP_CLIENT_ID}`,
      ].join('\n'),
    );
    // The .user file fills what provisioning wrote there.
    fs.writeFileSync(path.join(envDir, '.env.staging.user'), `BOT_ID="${DEPLOYED.BOT_ID}"\n`);
    const outputDir = path.join(workDir, 'build');

    const built = await buildAppPackage({ envName: 'staging', envDir, outputDir });

    expect(built.zipPath).toBe(path.join(outputDir, 'appPackage.staging.zip'));
    const zip = await JSZip.loadAsync(fs.readFileSync(built.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual([
      'color.png',
      'en.json',
      'manifest.json',
      'outline.png',
      'sv.json',
    ]);
    const texts = await Promise.all(
      ['manifest.json', 'sv.json', 'en.json'].map((file) => zip.file(file)!.async('string')),
    );
    for (const text of texts) expect(text).not.toContain('${{');
    const manifest = JSON.parse(texts[0]) as Json;
    expect(manifest.id).toBe(DEPLOYED.TEAMS_APP_ID);
    expect((manifest.bots as Json[])[0].botId).toBe(DEPLOYED.BOT_ID);
    expect((manifest.name as Json).short).toBe('Digiverkostostaging');
    expect((JSON.parse(texts[1]) as Json)['name.short']).toBe('Digiverkostostaging');
    const colour = await zip.file('color.png')!.async('nodebuffer');
    expect(colour.equals(fs.readFileSync(path.join(APP_PACKAGE, 'color.png')))).toBe(true);
  });

  it('builds the committed local environment without any secrets', async () => {
    const built = await buildAppPackage({ envName: 'local', envDir: ENV_DIR, outputDir: workDir });
    const zip = await JSZip.loadAsync(fs.readFileSync(built.zipPath));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(manifest.id).toBe('8f2b7f4e-5c1a-4d0e-9a57-0d1b2c3d4e5f');
  });

  it('refuses to package, naming every missing variable, before provisioning has filled them', async () => {
    const failure = buildAppPackage({ envName: 'dev', envDir: ENV_DIR, outputDir: workDir });
    await expect(failure).rejects.toBeInstanceOf(MissingVariablesError);
    await expect(failure).rejects.toMatchObject({
      variables: ['TEAMS_APP_ID', 'TAB_ENDPOINT', 'BOT_ID', 'TAB_DOMAIN', 'AAD_APP_CLIENT_ID'],
    });
    expect(fs.readdirSync(workDir)).toEqual([]);
  });

  it('refuses an environment name that is not a plain name', async () => {
    await expect(
      buildAppPackage({ envName: '../secrets', envDir: ENV_DIR, outputDir: workDir }),
    ).rejects.toThrow(/Invalid environment name/);
  });
});
