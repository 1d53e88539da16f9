/**
 * A one-line progress bar on stderr, drawn only on a terminal (CI logs get no carriage-return
 * noise) and never with --quiet or --json.
 */
export interface Progress {
  update(done: number, total: number, label: string): void;
  /** Status text without a known total (snapshot polls). */
  status(text: string): void;
  end(): void;
}

const WIDTH = 24;

export function progress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const on = enabled && stream.isTTY === true;
  let drawn = false;
  const draw = (line: string): void => {
    if (!on) return;
    const cols = (stream.columns || 80) - 1;
    stream.write(`\r${line.length > cols ? `${line.slice(0, cols - 1)}…` : line.padEnd(cols)}`);
    drawn = true;
  };
  return {
    update(done, total, label) {
      const filled = total ? Math.round((done / total) * WIDTH) : WIDTH;
      draw(`[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${label}`);
    },
    status(text) {
      draw(text);
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
