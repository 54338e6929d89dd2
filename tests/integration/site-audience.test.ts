import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteAddress, siteAudience } from '../../src/integration/site-address.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(siteYaml?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'throughline-audience-'));
  roots.push(root);
  if (siteYaml !== undefined) {
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content', 'site.yaml'), siteYaml);
  }
  return root;
}

// Whether the integration adds a sitemap depends on it: only a public build is for search engines.
describe("site.yaml's audience, as the integration reads it", () => {
  it('is the one written there', () => {
    expect(siteAudience(project('url: https://acme.github.io/impact\naudience: public\n'))).toBe('public');
    expect(siteAudience(project('audience: team\n'))).toBe('team');
  });

  it('counts as team, never public, when the file is missing, broken or says something else', () => {
    expect(siteAudience(project())).toBe('team');
    expect(siteAudience(project('audience: [public\n'))).toBe('team');
    expect(siteAudience(project('audience: everyone\n'))).toBe('team');
    expect(siteAudience(project('audience: private\n'))).toBe('team');
  });

  it('is read from the same file as the address', () => {
    expect(siteAddress(project('url: https://acme.github.io/impact\naudience: public\n')).href).toBe('https://acme.github.io/impact/');
  });
});
