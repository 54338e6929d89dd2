import type { CycleStatus } from '../../core/model/status.ts';

/**
 * `status --format json`: `CycleStatus` (documented field by field in src/core/model/status.ts) with a
 * `version`, raised only when a field changes meaning or goes away, and how many errors the
 * content has (their files are not counted).
 */
export function formatStatusJson(status: CycleStatus, contentErrors: number): string {
  return `${JSON.stringify({ version: 1, ...status, contentErrors }, null, 2)}\n`;
}
