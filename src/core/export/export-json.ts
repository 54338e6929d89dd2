import { MARKDOWN_MARKER } from './export-markdown.ts';
import { EXPORT_MARKER, ExportSchema, type PersonalExport } from './export-schema.ts';

/** `throughline export --format json`: the record in the schema's field order, `exportedBy` first. */
export function exportJson(record: PersonalExport): string {
  return `${JSON.stringify(ExportSchema.parse(record), null, 2)}\n`;
}

const JSON_START = `{\n  "exportedBy": ${JSON.stringify(EXPORT_MARKER)},`;

/**
 * Whether `text` (the start of a file is enough) is an earlier export, in either format: the only
 * kind of file `--out` replaces, so nothing a person wrote themselves is ever overwritten.
 */
export function isExport(text: string): boolean {
  return text.startsWith(`${MARKDOWN_MARKER}\n`) || text.startsWith(JSON_START);
}
