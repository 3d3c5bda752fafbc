import { Writable } from 'stream';
import pino from 'pino';
import { PinoNestLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'debug', formatters: { level: (label) => ({ level: label }) } }, stream), lines };
}

describe('PinoNestLogger', () => {
  it('writes what Nest logs as one JSON object, with the context Nest passes last', () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('API serving on https://127.0.0.1:6443', 'skiff');
    nest.warn('watch ended', 'controllers');
    nest.debug('plain');
    expect(lines.map(({ level, msg, context }) => ({ level, msg, context }))).toEqual([
      { level: 'info', msg: 'API serving on https://127.0.0.1:6443', context: 'skiff' },
      { level: 'warn', msg: 'watch ended', context: 'controllers' },
      { level: 'debug', msg: 'plain', context: undefined },
    ]);
  });

  it('tells a stack from a context in errors, as Nest passes them (message, stack?, context?)', () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    const stack = new Error('boom').stack!;
    nest.error('failed', undefined, 'audit');
    nest.error('failed', stack, 'audit');
    nest.error('failed', stack);
    nest.error('failed', 'audit');
    expect(lines.map(({ context, stack: s }) => [context, s !== undefined])).toEqual([
      ['audit', false],
      ['audit', true],
      [undefined, true],
      ['audit', false],
    ]);
    expect(lines.every((l) => l.level === 'error' && l.msg === 'failed')).toBe(true);
  });

  it('honours the lowest level Nest is told to log', () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    nest.setLogLevels(['warn', 'error']);
    nest.log('not shown');
    nest.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
