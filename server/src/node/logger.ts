// Logs go to the client's output channel (or stderr for the CLI). A problem with one file is logged once.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function onceLogger(logger: Logger): Logger & { warnOnce(key: string, message: string): void } {
  const seen = new Set<string>();
  return {
    ...logger,
    warnOnce(key, message) {
      if (seen.has(key)) return;
      seen.add(key);
      logger.warn(message);
    },
  };
}

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`[info] ${m}\n`),
  warn: (m) => process.stderr.write(`[warn] ${m}\n`),
  error: (m) => process.stderr.write(`[error] ${m}\n`),
};
