// A console-shaped logger that keeps what it is told, for tests of the client's logging.
import type { Logger } from "../../src/index.js";

export interface Recorded {
  level: keyof Logger;
  line: string;
}

export function logRecorder(): { logger: Logger; lines: Recorded[]; text(): string } {
  const lines: Recorded[] = [];
  const keep = (level: keyof Logger) => (line: string) => {
    lines.push({ level, line });
  };
  return {
    logger: { debug: keep("debug"), info: keep("info"), warn: keep("warn"), error: keep("error") },
    lines,
    text: () => lines.map(({ level, line }) => `${level} ${line}`).join("\n"),
  };
}
