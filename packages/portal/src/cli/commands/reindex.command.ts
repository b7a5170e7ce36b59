import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadDatasets } from '../../features/datasets/dataset.repo.ts';
import { clearIndex, indexDatasets } from '../../search/index.ts';
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
        const { db, dialect } = handle;
        const ids = (
          await db
            .selectFrom('datasets')
            .select('id')
            .where('status', 'in', [...LISTED_STATUSES])
            .orderBy('id')
            .execute()
        ).map((r) => r.id);
        const bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'reindex [{bar}] {percentage}% | {value}/{total} datasets | {eta_formatted} left',
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = performance.now();
        await clearIndex(db, dialect);
        bar.start(ids.length, 0);
        for (let done = 0; done < ids.length;) {
          const part = ids.slice(done, done + options.batchSize);
          await inTransaction(db, async (trx) => indexDatasets(trx, dialect, await loadDatasets(trx, part)));
          done += part.length;
          bar.update(done);
        }
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `Indexed ${ids.length} datasets in ${seconds.toFixed(1)} s (${Math.round(ids.length / Math.max(seconds, 0.001))} docs/s).`,
        );
      } finally {
        await handle.close();
      }
    });
}
