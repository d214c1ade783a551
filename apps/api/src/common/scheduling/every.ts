import type { Logger } from '@nestjs/common';

/**
 * Runs `task` every `ms` without keeping the process alive. A failed run is logged and the next one still comes
 * (an unhandled rejection would end the process). The caller clears the returned timer on shutdown.
 */
export function every(ms: number, task: () => Promise<unknown>, logger: Logger): NodeJS.Timeout {
  const timer = setInterval(() => void task().catch((err: unknown) => logger.warn(String(err))), ms);
  timer.unref();
  return timer;
}
