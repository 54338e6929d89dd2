import type { CommandSpec } from '../command.ts';
import { command as build } from './build.ts';
import { command as check } from './check.ts';
import { command as comment } from './comment.ts';
import { command as doctor } from './doctor.ts';
import { command as exportRecord } from './export.ts';
import { command as init } from './init.ts';
import { command as newItem } from './new.ts';
import { command as report } from './report.ts';
import { command as schema } from './schema.ts';
import { command as status } from './status.ts';

/** Every `throughline` command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [init, newItem, check, status, report, exportRecord, comment, schema, build, doctor];
