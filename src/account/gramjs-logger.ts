import { Logger as GramjsLogger, LogLevel } from 'telegram/extensions/Logger';
import type { Logger } from '../core/log';

/**
 * gramjs writes to the console by itself, and at "error" level it also dumps raw exceptions there.
 * Its own level stays at none unless debugging; connection changes are logged by our code instead.
 */
export function quietGramjsLogger(log: Logger): GramjsLogger {
  const debugging = log.isLevelEnabled('debug');
  const logger = new (class extends GramjsLogger {
    override log(level: LogLevel, message: string): void {
      const target = level === LogLevel.ERROR ? 'error' : level === LogLevel.WARN ? 'warn' : 'debug';
      log[target]({ part: 'gramjs' }, message);
    }
  })(debugging ? LogLevel.DEBUG : LogLevel.NONE);
  return logger;
}
