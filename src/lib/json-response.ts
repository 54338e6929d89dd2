/** A data export as a file: indented, so a diff between two builds reads line by line. */
export function jsonResponse(document: unknown): Response {
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
