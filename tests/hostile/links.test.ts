import { describe, expect, it } from 'vitest';
import { check, itemText, makeTree } from '../helpers.ts';

// Links a pull request could use to run script or leave the site by surprise (these held): each is
// refused by the check, in evidence and in the body alike.

const TRICKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/relative/path',
  'ftp://example.com/x',
];

/** `rule message` of each problem, one per line, without positions. */
function problems(root: string): string[] {
  const result = check(root, { format: 'json' });
  const report = JSON.parse(result.stdout) as { diagnostics: { rule: string; line: number }[] };
  return report.diagnostics.map((d) => `${d.line} ${d.rule}`);
}

describe('protocol tricks in links (held)', () => {
  it('refuses every one in evidence', () => {
    const files: Record<string, string> = {};
    TRICKS.forEach((url, i) => {
      files[`content/accomplishments/2026-h1/trick-${String(i).padStart(2, '0')}.md`] = itemText({
        authors: ['ben'],
        evidence: [{ label: 'See', url }],
      });
    });
    const found = problems(makeTree(undefined, { files })).filter((p) => !p.endsWith('submission-count'));
    for (const problem of found) expect(problem).toMatch(/^\d+ (link-protocol|invalid-value)$/);
    expect(found).toHaveLength(TRICKS.length);
  });

  it('refuses every one in the body', () => {
    const body = TRICKS.map((url) => `- [click](<${url.replace(/[<>]/g, '')}>)`).join('\n');
    const text = itemText({}).replace('It helped.', body);
    const found = problems(makeTree(undefined, { files: { 'content/accomplishments/2026-h1/tricks.md': text } }));
    expect(found.filter((p) => p.endsWith('link-protocol'))).toHaveLength(TRICKS.length);
  });
});
