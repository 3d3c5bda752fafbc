/**
 * Splits a watch stream (newline-delimited JSON in arbitrary chunks) into parsed events.
 * Returns the function to feed chunks to.
 */
export function watchEventSplitter<T>(onEvent: (event: T) => void): (chunk: string | Buffer) => void {
  let buf = '';
  return (chunk) => {
    buf += chunk.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onEvent(JSON.parse(line) as T);
    }
  };
}
