// Preloaded into a measured process: on exit, writes its peak resident set size (KiB) to a file.
import { writeFileSync } from 'node:fs';

const out = process.env.THROUGHLINE_BENCH_RSS;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
