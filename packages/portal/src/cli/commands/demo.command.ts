import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { inTransaction } from '../../db/transaction.ts';
import { createDatasets } from '../../features/datasets/dataset.service.ts';
import { countDatasets } from '../../features/demo/demo.repo.ts';
import { DEMO_ACTOR, prepareDemoCatalogue } from '../../features/demo/demo-seed.ts';
import { openRuntime } from '../runtime.ts';

/**
 * A full garbage collection between batches. On SQLite every batch prepares dozens of
 * large multi-row INSERT statements whose native memory is released only when V8
 * collects their wrappers, and V8 rarely runs a full collection while the JS heap stays
 * small: without this, a 1M run grows to ~10 GB of RSS (with it, a few hundred MB).
 */
async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  // Finalizers run as tasks after the collection: let them.
  await new Promise((resolve) => setImmediate(resolve));
}

const positiveInteger = (value: string): number => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
};

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Add a synthetic demo catalogue of N datasets (for benchmarks), in batches with a progress bar',
    )
    .requiredOption('--datasets <n>', 'how many datasets to add', positiveInteger)
    .option('--public-url <url>', 'base URL the resources point at (default: ODP_PUBLIC_URL)')
    .option('--batch-size <n>', 'datasets per transaction', positiveInteger, 5000)
    .addHelpText(
      'after',
      [
        '',
        'Imports the agency registry first (idempotent), then draws datasets from the real titles of',
        'demo/real, continuing after the datasets already there; each batch is its own transaction.',
        'Resources point at <public-url>/demo-files/generated/<resourceID>.<ext>.',
        '',
        'Examples:',
        '  odp demo --datasets 55000',
        '  DATABASE_URL=postgres://localhost/odp odp demo --datasets 1000000 --public-url http://localhost:3000',
      ].join('\n'),
    )
    .action(async (options: { datasets: number; publicUrl?: string; batchSize: number }) => {
      const { settings, handle } = await openRuntime();
      try {
        const ctx = { db: handle.db, dialect: handle.dialect };
        const publicUrl = options.publicUrl ?? settings.publicUrl;
        const { catalogue } = await prepareDemoCatalogue(ctx, { publicUrl });
        const offset = await countDatasets(handle.db);
        const bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'demo [{bar}] {percentage}% | {value}/{total} datasets | {eta_formatted} left',
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = performance.now();
        bar.start(options.datasets, 0);
        for (let done = 0; done < options.datasets;) {
          const items = catalogue.synthetic(
            offset + done,
            Math.min(options.batchSize, options.datasets - done),
          );
          await inTransaction(handle.db, async (db) => {
            await catalogue.saveAgencyCodes({ ...ctx, db }, new Date());
            await createDatasets({ ...ctx, db }, items, { actor: DEMO_ACTOR, action: 'import' });
          });
          done += items.length;
          bar.update(done);
          await collectGarbage();
        }
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `Added ${options.datasets} demo datasets in ${seconds.toFixed(1)} s ` +
            `(${Math.round(options.datasets / seconds)} datasets/s); the catalogue holds ${offset + options.datasets}.`,
        );
      } finally {
        await handle.close();
      }
    });
}
