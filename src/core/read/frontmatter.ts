/** Where the parts of a Markdown file are, as found by {@link splitFrontMatter}. */
export interface FrontMatterParts {
  /** The YAML between the delimiters. */
  yaml: string;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
}

export interface FrontMatterProblem {
  line: number;
  message: string;
  hint: string;
}

const BOM = '\uFEFF';

/**
 * Splits a Markdown file into front matter and body. The front matter must open on line 1 with
 * exactly `---`: `---js` and friends are refused here, so no engine but YAML ever sees the text.
 */
export function splitFrontMatter(source: string): FrontMatterParts | FrontMatterProblem {
  const text = source.startsWith(BOM) ? source.slice(1) : source;
  const firstEnd = lineEnd(text, 0);
  const first = stripCr(text.slice(0, firstEnd));
  if (first !== '---') {
    if (first.startsWith('---')) {
      return {
        line: 1,
        message: `Unexpected \`${first.slice(0, 40)}\` on line 1, expected exactly \`---\``,
        hint: 'front matter is YAML only; other front matter languages are never run',
      };
    }
    return {
      line: 1,
      message: 'Missing front matter, expected the file to start with a line `---`',
      hint: 'put the YAML fields between a first line `---` and a closing line `---`',
    };
  }
  let start = firstEnd + 1;
  let line = 2;
  // `--- ` is the likeliest way to miss the closing line: the spaces are invisible.
  let spaced: number | undefined;
  while (start <= text.length) {
    const end = lineEnd(text, start);
    const current = stripCr(text.slice(start, end));
    if (spaced === undefined && /^---[ \t]+$/.test(current)) spaced = line;
    if (current === '---') {
      const bodyStart = Math.min(end + 1, text.length);
      return {
        yaml: text.slice(firstEnd + 1, start),
        yamlLine: 2,
        body: text.slice(bodyStart),
        bodyLine: line + 1,
      };
    }
    if (end >= text.length) break;
    start = end + 1;
    line++;
  }
  if (spaced !== undefined) {
    return {
      line: spaced,
      message: 'Unexpected spaces after `---`, expected a closing line that is exactly `---`',
      hint: 'delete them: without its closing line, the whole file is taken for front matter',
    };
  }
  return {
    line: 1,
    message: 'Unclosed front matter, expected a closing line `---`',
    hint: 'end the YAML fields with a line that is exactly `---`',
  };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
