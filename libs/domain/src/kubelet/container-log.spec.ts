import { LogLineBuffer, formatLogEntry, parseLogFile, parsePodLogOptions, podLogQuery, selectLogEntries, type LogEntry } from './container-log';

const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, s)).toISOString();
const entry = (s: number, text: string, partial = false): LogEntry => ({ time: at(s), stream: 'stdout', partial, text });

describe('container logs', () => {
  it('writes and reads the CRI log format, text kept as it is', () => {
    const lines = [entry(1, 'hello world'), { ...entry(2, ' spaced  out '), stream: 'stderr' as const }, entry(3, 'pie', true), entry(3, 'ce')];
    expect(formatLogEntry(lines[0])).toBe(`${at(1)} stdout F hello world\n`);
    expect(parseLogFile(lines.map(formatLogEntry).join('') + 'garbage\n')).toEqual(lines);
  });

  it('cuts a stream into lines; an unfinished line waits, an overlong one goes out in pieces', () => {
    const b = new LogLineBuffer(4);
    expect(b.push('ab\ncd')).toEqual([{ text: 'ab', partial: false }]);
    expect(b.push('e\n\n')).toEqual([
      { text: 'cde', partial: false },
      { text: '', partial: false },
    ]);
    expect(b.push('0123456789\nxy')).toEqual([
      { text: '0123', partial: true },
      { text: '4567', partial: true },
      { text: '89', partial: false },
    ]);
    expect(b.push('zzzz1')).toEqual([{ text: 'xyzz', partial: true }]);
    expect(b.flush()).toEqual([{ text: 'zz1', partial: false }]);
    expect(b.flush()).toEqual([]);
  });

  it('selects by time and by tail, a line in pieces counting once, with timestamps on request', () => {
    const log = [entry(1, 'one'), entry(2, 'tw', true), entry(2, 'o'), entry(3, 'three')];
    const now = new Date(at(4));
    expect(selectLogEntries(log, { timestamps: false }, now)).toBe('one\ntwo\nthree\n');
    expect(selectLogEntries(log, { timestamps: false, tailLines: 2 }, now)).toBe('two\nthree\n');
    expect(selectLogEntries(log, { timestamps: false, tailLines: 0 }, now)).toBe('');
    expect(selectLogEntries(log, { timestamps: false, sinceSeconds: 2 }, now)).toBe('two\nthree\n');
    expect(selectLogEntries(log, { timestamps: false, sinceTime: at(3) }, now)).toBe('three\n');
    expect(selectLogEntries(log, { timestamps: true, tailLines: 2 }, now)).toBe(`${at(2)} two\n${at(3)} three\n`);
  });

  it('validates PodLogOptions as kube-apiserver does, naming the field', () => {
    expect(parsePodLogOptions('p', { container: 'c', follow: 'true', tailLines: '10', timestamps: '1' })).toEqual({ container: 'c', follow: true, previous: false, timestamps: true, tailLines: 10 });
    expect(() => parsePodLogOptions('p', { tailLines: '-1' })).toThrow('PodLogOptions "p" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0');
    expect(() => parsePodLogOptions('p', { limitBytes: '0' })).toThrow('limitBytes: Invalid value: 0: must be greater than 0');
    expect(() => parsePodLogOptions('p', { sinceSeconds: '5', sinceTime: at(1) })).toThrow('at most one of `sinceTime` or `sinceSeconds`');
    expect(() => parsePodLogOptions('p', { tailLines: 'ten' })).toThrow('must be an integer');
    expect(() => parsePodLogOptions('p', { sinceTime: 'yesterday' })).toThrow('RFC 3339');
    expect(podLogQuery(parsePodLogOptions('p', { container: 'c', follow: 'true', tailLines: '3' }))).toBe('follow=true&tailLines=3');
  });
});
