/**
 * `npm run gen -- --articles N --seed S [--out DIR]`: writes a deterministic synthetic corpus in the
 * seed format (see bench/corpus.ts). DIR defaults to `bench/data/<N>-s<S>` (git-ignored); its
 * `seed/` folder is what `npm run load` takes.
 */
import { rmSync } from 'node:fs';
import { Command } from 'commander';
import { generateCorpus } from './corpus.js';
import { positiveInt } from './cli.js';
import { corpusDir } from './paths.js';

const program = new Command()
  .name('npm run gen --')
  .description('Generate a synthetic summit corpus in the seed format.')
  .requiredOption('--articles <n>', 'number of articles', positiveInt)
  .option('--seed <n>', 'PRNG seed', positiveInt, 1)
  .option('--out <dir>', 'output folder (default bench/data/<articles>-s<seed>)')
  .showHelpAfterError();

program.action((opts: { articles: number; seed: number; out?: string }) => {
  const outDir = opts.out ?? corpusDir(opts.articles, opts.seed);
  rmSync(outDir, { recursive: true, force: true });
  const s = generateCorpus({ articles: opts.articles, seed: opts.seed, outDir });
  process.stdout.write(
    `Wrote ${s.files} seed files (${s.articles} articles, ${s.summits} summits, ${s.quotes} quotes) to ${s.outDir}/seed in ${s.ms} ms\n`,
  );
});

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`gen failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
