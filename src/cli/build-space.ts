import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/diagnostics/errors.ts';

/** The project's folder for Throughline's own files: builds in progress, generated schemas. */
export const TOOL_DIR = '.throughline';
const LOCK = 'build.lock';
const STAGING = 'staging-';
/** Beside an output folder on another file system, where rename() cannot reach from TOOL_DIR. */
const STAGING_BESIDE = '.throughline-staging-';

/**
 * `<root>/.throughline`, made on first use with a `.gitignore` of `*`: git never offers anything
 * in it for a commit (a staging folder holds private pages), whatever the project's own
 * .gitignore says or forgot to say.
 */
export function toolDir(root: string): string {
  const dir = join(root, TOOL_DIR);
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, "# Throughline's own files: builds in progress, generated schemas. Never committed.\n*\n");
  return dir;
}

/**
 * Takes the project's build lock, or throws a UsageError naming the build that holds it. One build
 * at a time per project: two Astro builds share `.astro/` and would race on the same output
 * folder, so the second refuses instead. Returns the release, safe to call twice.
 */
export function lockBuilds(root: string): () => void {
  const dir = toolDir(root);
  const lock = join(dir, LOCK);
  const text = `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`;
  const release = () => {
    if (holder(lock)?.pid === process.pid) rmSync(lock, { force: true });
  };
  for (let attempt = 0; ; attempt++) {
    // Written whole, then linked into place: the lock never exists half-written, and link() fails
    // if another build got there first.
    const mine = join(dir, `${LOCK}.${process.pid}`);
    writeFileSync(mine, text);
    try {
      linkSync(mine, lock);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    const other = holder(lock);
    if (attempt > 0 || (other !== undefined && isRunning(other.pid))) {
      const who = other === undefined ? 'another build' : `process ${other.pid}, started ${other.started}`;
      throw new UsageError(
        `another build is running in this repository (${who}); wait for it to finish and build again, or if none is running, delete ${lock}`,
      );
    }
    // Left by a build that was killed outright; its process is gone, so the lock is free.
    rmSync(lock, { force: true });
  }
}

/**
 * Removes staging folders of builds that never finished (killed outright, or the machine went
 * down) and old sites that could not be deleted before. Only called under the lock, when no
 * other build of this project can be using them.
 */
export function sweepStaging(root: string): void {
  const dir = toolDir(root);
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(STAGING)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // Still undeletable: the build that left it said where it is.
    }
  }
}

/**
 * A new, empty folder to build into, from which the site can be renamed into `outDir` in one step.
 * Inside the project's TOOL_DIR, which git ignores; beside `outDir` only when that is on another
 * file system, and so outside this project.
 */
export function makeStaging(root: string, outDir: string): string {
  const tool = toolDir(root);
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const sameDevice = statSync(parent).dev === statSync(tool).dev;
  return mkdtempSync(sameDevice ? join(tool, STAGING) : join(parent, STAGING_BESIDE));
}

export interface Swapped {
  /** Where the previous site is when it could not be deleted, and why. */
  leftOver?: { path: string; reason: string };
}

/**
 * Replaces `outDir` with the finished build in two renames, so no reader sees half a site. If the
 * second rename fails, the previous site goes back. The old one is deleted last: if that fails the
 * new site is already in place, so it is reported, not thrown.
 */
export function swapIn(staging: string, outDir: string): Swapped {
  const old = existsSync(outDir) ? `${staging}-old` : undefined;
  if (old !== undefined) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (old !== undefined) renameSync(old, outDir);
    throw error;
  }
  if (old === undefined) return {};
  try {
    rmSync(old, { recursive: true, force: true });
    return {};
  } catch (error) {
    return { leftOver: { path: old, reason: (error as Error).message } };
  }
}

function holder(lock: string): { pid: number; started: string } | undefined {
  try {
    const data = JSON.parse(readFileSync(lock, 'utf8')) as { pid?: unknown; started?: unknown };
    return typeof data.pid === 'number' && typeof data.started === 'string' ? { pid: data.pid, started: data.started } : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
