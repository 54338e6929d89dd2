import type { CommandSpec } from '../command.ts';
import { command as build } from './build.ts';
import { command as check } from './check.ts';

/** Every `throughline` command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [check, build];
