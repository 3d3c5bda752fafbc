import pino, { type Level, type Logger } from 'pino';

const LEVELS: Record<string, Level> = { debug: 'debug', info: 'info', log: 'info', warn: 'warn', error: 'error' };

/**
 * The agent's JSON logger, on stderr as its logs were before: one object per line, ISO
 * time, the level by name. SKIFF_LOG_LEVEL as the API reads it (debug, info, warn, error).
 */
export function createAgentLogger(level = process.env.SKIFF_LOG_LEVEL || 'info'): Logger {
  const known = Object.hasOwn(LEVELS, level);
  const logger = pino(
    {
      name: 'skiff-agent',
      level: known ? LEVELS[level] : 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous: the few lines an agent writes are all out before it exits.
    pino.destination({ dest: 2, sync: true }),
  );
  if (!known) logger.warn(`SKIFF_LOG_LEVEL must be one of debug, info, warn, error; got "${level}": logging at info`);
  return logger;
}
