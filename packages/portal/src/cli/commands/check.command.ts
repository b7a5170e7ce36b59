import { InvalidArgumentError, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import type { Badge } from '@odp/quality';
import { parseDatasetKey } from '../../http/dataset-lookup.ts';
import { getDataset } from '../../features/datasets/dataset.service.ts';
import { checkResources, resourcesToCheck } from '../../features/quality/check-catalogue.ts';
import { createHostLimiter } from '../../features/quality/check-resource.service.ts';
import { openRuntime } from '../runtime.ts';

interface CheckOptions {
  all?: boolean;
  dataset?: string;
  concurrency: number;
  quiet: boolean;
}

const positive = (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64)
    throw new InvalidArgumentError('must be a whole number from 1 to 64');
  return n;
};

async function check(options: CheckOptions): Promise<void> {
  if (Boolean(options.all) === Boolean(options.dataset)) {
    throw new InvalidArgumentError('give either --all or --dataset <id>');
  }
  const { settings, handle } = await openRuntime();
  try {
    const catalogue = { db: handle.db, dialect: handle.dialect };
    const target = options.dataset
      ? (await getDataset(catalogue, parseDatasetKey(options.dataset))).datasetId
      : 'all';
    const ids = await resourcesToCheck(catalogue, target);
    const deps = { catalogue, settings, limiter: createHostLimiter(settings) };
    const bar =
      process.stderr.isTTY && !options.quiet
        ? new SingleBar({
            format: 'checking [{bar}] {value}/{total} resources | {eta}s left',
            hideCursor: true,
          })
        : undefined;
    bar?.start(ids.length, 0);
    const tally = new Map<string, number>();
    let failures = 0;
    await checkResources(deps, ids, {
      concurrency: options.concurrency,
      onDone: (outcome) => {
        bar?.increment();
        if ('error' in outcome) {
          failures++;
          if (!options.quiet) process.stderr.write(`\nresource ${outcome.resourceId}: ${outcome.error}\n`);
          return;
        }
        tally.set(outcome.badge, (tally.get(outcome.badge) ?? 0) + 1);
        if (!bar && !options.quiet) console.log(`resource ${outcome.resourceId}: ${outcome.badge}`);
      },
    });
    bar?.stop();
    const order: Badge[] = ['platinum', 'gold', 'silver', 'bronze', 'none'];
    console.log(
      `checked ${ids.length - failures} of ${ids.length} resources: ` +
        order.map((b) => `${b} ${tally.get(b) ?? 0}`).join(', ') +
        (failures > 0 ? `; ${failures} could not be checked` : ''),
    );
    if (failures > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'Check resources now, in this process: fetch, sniff, every quality check, badges (results are stored)',
    )
    .option('--all', 'every resource of every listed dataset')
    .option('--dataset <id>', 'the resources of one dataset (datasetId or identifier)')
    .option(
      '--concurrency <n>',
      'resources checked at once (each host still gets its own limit)',
      positive,
      4,
    )
    .option('-q, --quiet', 'print only the summary', false)
    .addHelpText(
      'after',
      [
        '',
        'The same checks the workers run on publish, on change and on the hourly sweep; the fetcher',
        'refuses private and loopback addresses unless ODP_FETCH_ALLOW names them.',
        '',
        'Examples:',
        '  odp check --dataset A41000000G-000001',
        '  odp check --all --concurrency 8',
      ].join('\n'),
    )
    .action(async (options: CheckOptions) => check(options));
}
