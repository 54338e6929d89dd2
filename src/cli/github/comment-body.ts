// Pure: no fs, no network. What the PR comment says and which earlier comment it replaces.

import { MAX_COMMENT_CHARS, REPORT_MARKER } from '../../core/report.ts';

export { MAX_COMMENT_CHARS, REPORT_MARKER };

/** The parts of a comment that decide whether it is Throughline's. */
export interface CommentLike {
  body?: string | null | undefined;
  user?: { type: string } | null | undefined;
}

/**
 * The earliest comment a bot wrote that starts with the marker. A person who quotes the report
 * (or pastes the marker) writes as a `User`, so their comment is never overwritten.
 */
export function findOwnComment<T extends CommentLike>(comments: readonly T[], marker = REPORT_MARKER): T | undefined {
  return comments.find((c) => c.user?.type === 'Bot' && (c.body ?? '').trimStart().startsWith(marker));
}

export interface CommentBody {
  body: string;
  /** Whether the report was cut to fit GitHub's limit. */
  truncated: boolean;
}

/**
 * The report as a comment body: starting with the marker (added when the file lacks it, so the
 * next run finds this comment again) and within GitHub's size limit. A report that is too long
 * is cut at a line break, any code fence or `<details>` left open is closed, and a note says
 * where the whole report is.
 */
export function commentBody(markdown: string, options: { limit?: number; runUrl?: string | undefined } = {}): CommentBody {
  const limit = options.limit ?? MAX_COMMENT_CHARS;
  const text = markdown.replace(/^\uFEFF/, '');
  const full = text.trimStart().startsWith(REPORT_MARKER) ? text : `${REPORT_MARKER}\n${text}`;
  if (full.length <= limit) return { body: full, truncated: false };
  const where = options.runUrl ? `[the job summary](${options.runUrl})` : 'the job summary of this run';
  const note = `\n\n---\n\n_This report was cut short to fit in a comment (GitHub allows ${limit.toLocaleString('en-US')} characters); ${where} has all of it._\n`;
  // Room for the closers of whatever the cut leaves open: a fence and a few <details>.
  const closersRoom = 64;
  let kept = full.slice(0, Math.max(0, limit - note.length - closersRoom));
  const lastBreak = kept.lastIndexOf('\n');
  if (lastBreak > REPORT_MARKER.length) kept = kept.slice(0, lastBreak);
  const closers = closeOpenBlocks(kept);
  return { body: `${kept}${closers.slice(0, closersRoom)}${note}`, truncated: true };
}

/** Closing text for a fenced code block and `<details>` elements the text leaves open. */
function closeOpenBlocks(text: string): string {
  let fence: string | undefined;
  let details = 0;
  for (const line of text.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    details += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
  }
  return `${fence === undefined ? '' : `\n${fence}`}${'\n</details>'.repeat(Math.max(0, Math.min(details, 4)))}`;
}
