import { GitHubError, type GitHubClient, type IssueComment } from './api.ts';
import { findOwnComment, REPORT_MARKER } from './comment-body.ts';

export interface Upserted {
  action: 'created' | 'updated';
  comment: IssueComment;
}

/**
 * Keeps one Throughline comment per pull request: edits the bot's earlier comment when there
 * is one, posts a new one otherwise. A comment deleted between listing and editing is posted
 * again rather than reported as an error.
 */
export async function upsertComment(client: GitHubClient, issue: number, body: string, marker = REPORT_MARKER): Promise<Upserted> {
  const existing = findOwnComment(await client.listComments(issue), marker);
  if (existing) {
    try {
      return { action: 'updated', comment: await client.updateComment(existing.id, body) };
    } catch (error) {
      if (!(error instanceof GitHubError && error.status === 404)) throw error;
    }
  }
  return { action: 'created', comment: await client.createComment(issue, body) };
}

/**
 * A refusal that means "this token may not write here": what a fork's pull request gets, with
 * its read-only token (403), or a private repository hides itself behind (404).
 */
export function isReadOnlyRefusal(error: GitHubError): boolean {
  return (error.status === 403 || error.status === 404) && !error.rateLimited;
}
