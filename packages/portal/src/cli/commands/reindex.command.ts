import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { rebuildSearchIndex } from '../../search/index.ts';
import { openRuntime } from '../runtime.ts';

const positiveInteger = (value: string): number => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
};

export function registerReindex(program: Command): void {
  program
    .command('reindex')
    .description('Rebuild the search index from the catalogue, in batches with a progress bar')
    .option('--batch-size <n>', 'datasets per transaction', positiveInteger, 2000)
    .addHelpText(
      'after',
      [
        '',
        'Empties the index, then indexes every listed dataset (published, 預計下架, 歷史資料).',
        'Catalogue writes keep the index up to date; run this after restoring a backup or',
        'changing the analyser.',
        '',
        'Examples:',
        '  odp reindex',
        '  DATABASE_URL=postgres://localhost/odp odp reindex --batch-size 5000',
      ].join('\n'),
    )
    .action(async (options: { batchSize: number }) => {
      const { handle } = await openRuntime();
      try {
        const bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'reindex [{bar}] {percentage}% | {value}/{total} datasets | {eta_formatted} left',
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = performance.now();
        const count = await rebuildSearchIndex(handle, {
          batchSize: options.batchSize,
          onStart: (total) => bar.start(total, 0),
          onProgress: (done) => bar.update(done),
        });
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `Indexed ${count} datasets in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001))} docs/s).`,
        );
      } finally {
        await handle.close();
      }
    });
}
