/** What the file reader hands over: the text, or why the file was refused before reading it. */
export type SourceFile = { path: string; text: string } | { path: string; refused: 'symlink' | 'too-large' | 'not-utf8'; size?: number };

export const MAX_FILE_BYTES = 1024 * 1024;

/** Everything lives under this folder of the repository root. */
export const CONTENT_DIR = 'content';
