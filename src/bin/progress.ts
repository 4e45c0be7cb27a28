import cliProgress from 'cli-progress';

/**
 * A progress callback for long command-line runs: a bar on stderr once `total` reaches `minTotal`
 * and stderr is a terminal (so piped and CI output stays clean). `stop()` is safe to call twice.
 */
export function progressBar(unit: string, minTotal = 5): { update: (done: number, total: number) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (done, total) => {
      if (total < minTotal || !process.stderr.isTTY) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: ` {bar} {value}/{total} ${unit} | {eta_formatted} left` }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}
