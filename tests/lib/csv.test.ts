import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../src/lib/csv.ts';

describe('the CSV writer', () => {
  it('quotes a cell with a comma, quote or line break, doubling its quotes (RFC 4180)', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('crlf\r\nline')).toBe('"crlf\r\nline"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula, with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Only the first character counts: a formula sign later in the text is harmless.
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes numbers as numbers, negative ones too, but neutralises the same digits given as text', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell('-5')).toBe("'-5");
  });

  it('ends every line, the header too, in CRLF', () => {
    expect(
      csvDocument(
        ['id', 'n'],
        [
          ['a', 1],
          ['b,c', null],
        ],
      ),
    ).toBe('id,n\r\na,1\r\n"b,c",\r\n');
  });
});
