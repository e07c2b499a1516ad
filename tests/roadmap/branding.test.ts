/**
 * The municipality's branding through the real API on Azurite: colours are checked against white
 * text (refused with the nearest colour that passes, or darkened on request), logos are PNG or a
 * self-contained SVG rasterised to PNG, anything else is refused with a reason and stores nothing.
 */
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { RoadmapView } from '../../bot/src/roadmap/roadmap-contracts';
import { api, createRoadmap, path, startRoadmapApp, tokenFor, view, type RoadmapTestApp } from './support';

jest.setTimeout(60_000);

const MIKKO = playgroundIdentity('mikko');
const AINO = playgroundIdentity('aino');
let test: RoadmapTestApp;
let aino: string;
let roadmap: RoadmapView;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">
  <circle cx="30" cy="30" r="26" fill="#00539B"/>
  <text x="66" y="40" font-family="Source Sans 3" font-size="26" fill="#00539B">Hämeenlinna</text>
</svg>`;
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

beforeAll(async () => {
  test = await startRoadmapApp({ surveys: false });
  const coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
  aino = await tokenFor(test.running, AINO.aadObjectId, AINO.name);
  roadmap = await createRoadmap(test.running, coordinator, 'hameenlinna');
}, 120_000);
afterAll(async () => {
  await test.stop();
});

describe("the municipality's branding", () => {
  it('refuses a primary colour white text cannot be read on, names the nearest that passes, and uses it on request', async () => {
    const refused = await api(test.running, path(roadmap.id, '/branding'), aino, {
      method: 'PUT',
      body: { primaryColour: '#F2C500', secondaryColour: '#00539B' },
      headers: { 'If-Match': roadmap.etag },
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/contrast of 1\.\d+:1; at least 4\.5:1/);
    expect(refused.text).toMatch(/nearest colour that passes is #[0-9A-F]{6}/);
    const adjusted = await api(test.running, path(roadmap.id, '/branding'), aino, {
      method: 'PUT',
      body: { primaryColour: '#F2C500', secondaryColour: '#00539B', adjust: true },
      headers: { 'If-Match': roadmap.etag },
    });
    expect(adjusted.status).toBe(200);
    const result = adjusted.json as { primaryColour: string; contrastWithWhite: number };
    expect(result.primaryColour).not.toBe('#F2C500');
    expect(result.contrastWithWhite).toBeGreaterThanOrEqual(4.5);
    const after = await view(test.running, aino, roadmap.id);
    expect(after.branding.primaryColour).toBe(result.primaryColour);
    // The old ETag no longer writes.
    const stale = await api(test.running, path(roadmap.id, '/branding'), aino, {
      method: 'PUT',
      body: { primaryColour: '#00539B', secondaryColour: '#F2C500' },
      headers: { 'If-Match': roadmap.etag },
    });
    expect(stale.status).toBe(412);
    expect(
      (
        await api(test.running, path(roadmap.id, '/branding'), aino, {
          method: 'PUT',
          body: { primaryColour: 'navy', secondaryColour: '#F2C500' },
          headers: { 'If-Match': after.etag },
        })
      ).status,
    ).toBe(400);
    roadmap = after;
  });

  it('refuses SVG logos with scripts or outside references and files that are not pictures, storing nothing', async () => {
    const attempts: [string, Record<string, unknown>][] = [
      ['script', { format: 'svg', data: base64(LOGO.replace('</svg>', '<script>alert(1)</script></svg>')) }],
      [
        'outside image',
        {
          format: 'svg',
          data: base64(LOGO.replace('</svg>', '<image href="https://example.com/x.png"/></svg>')),
        },
      ],
      ['event handler', { format: 'svg', data: base64(LOGO.replace('<circle ', '<circle onload="x()" ')) }],
      ['not a PNG', { format: 'png', data: Buffer.from('GIF89a not a png at all').toString('base64') }],
    ];
    for (const [what, body] of attempts) {
      const answer = await api(test.running, path(roadmap.id, '/logo'), aino, {
        method: 'PUT',
        body: { altText: 'Hämeenlinnan logo', ...body },
        headers: { 'If-Match': roadmap.etag },
      });
      expect({ what, status: answer.status }).toEqual({ what, status: 422 });
    }
    const oversized = await api(test.running, path(roadmap.id, '/logo'), aino, {
      method: 'PUT',
      body: { format: 'png', data: 'A'.repeat(400_000), altText: 'Liian iso' },
      headers: { 'If-Match': roadmap.etag },
    });
    expect([400, 413]).toContain(oversized.status);
    expect((await api(test.running, path(roadmap.id, '/logo.png'), aino)).status).toBe(404);
  });

  it('rasterises a self-contained SVG logo to a PNG the summary and the tab use', async () => {
    const stored = await api(test.running, path(roadmap.id, '/logo'), aino, {
      method: 'PUT',
      body: { format: 'svg', data: base64(LOGO), altText: 'Hämeenlinnan kaupungin logo' },
      headers: { 'If-Match': roadmap.etag },
    });
    expect(stored.status).toBe(200);
    const after = stored.json as RoadmapView;
    expect(after.branding.logoAlt).toBe('Hämeenlinnan kaupungin logo');
    expect(after.branding.logoUrl).not.toBeNull();
    const png = await api(test.running, path(roadmap.id, '/logo.png'), aino);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await api(test.running, path(roadmap.id, '/summary.pdf?lang=fi'), aino);
    expect(pdf.status).toBe(200);
    // The title page carries the logo as a picture.
    expect(pdf.bytes.toString('latin1')).toContain('/Subtype /Image');
  });
});
