import * as fs from 'fs';
import type { ServerResponse } from 'http';
import { parseLogFile, renderLogEntry, selectLogEntries, type LogEntry, type PodLogOptions } from '@skiff/domain';
import type { LogSource } from '../runtime/runtime';

/**
 * Answers a `kubectl logs` request from a container instance's log file: the lines asked
 * for, then (with `follow`, while the instance runs) each new line as it is written,
 * until the instance ends or the client goes. `limitBytes` caps the whole answer.
 */
export function streamLog(source: LogSource, o: PodLogOptions, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  let budget = o.limitBytes ?? Infinity;
  const live = o.follow && source.live && !source.live.ended ? source.live : undefined;
  const finish = () => {
    live?.off('entry', onEntry);
    live?.off('end', finish);
    res.end();
  };
  const write = (text: string) => {
    if (!text || budget <= 0) return;
    let bytes = Buffer.from(text);
    if (bytes.length > budget) bytes = bytes.subarray(0, budget);
    budget -= bytes.length;
    res.write(bytes);
    if (budget <= 0) finish();
  };
  let continuing = false;
  const onEntry = (e: LogEntry) => {
    write(renderLogEntry(e, o.timestamps, continuing));
    continuing = e.partial;
  };
  // Read and subscribe in one tick: the writer appends synchronously, so nothing falls between.
  let content = '';
  try {
    content = fs.readFileSync(source.file, 'utf8');
  } catch {
    /* no output yet */
  }
  const entries = parseLogFile(content);
  continuing = entries.length > 0 && entries[entries.length - 1].partial;
  write(selectLogEntries(entries, o, new Date()));
  if (!live || budget <= 0) return finish();
  live.on('entry', onEntry);
  live.once('end', finish);
  res.once('close', finish);
}
