import { InvalidArgumentError, type Command } from 'commander';
import { aggregateUsage } from '../../features/stats/aggregate-usage.service.ts';
import { isDay } from '../../features/stats/usage-day.ts';
import { openRuntime } from '../runtime.ts';

const day = (value: string): string => {
  if (!isDay(value)) throw new InvalidArgumentError('must be a day like 2026-11-27');
  return value;
};

export function registerStats(program: Command): void {
  const stats = program
    .command('stats')
    .description('Usage statistics: roll counted views, downloads and API calls up into daily counts')
    .addHelpText(
      'after',
      ['', 'Examples:', '  odp stats aggregate', '  odp stats aggregate --day 2026-11-26'].join('\n'),
    );
  stats
    .command('aggregate')
    .description('Aggregate usage events into daily counts and rebuild each dataset’s totals')
    .option('--day <YYYY-MM-DD>', 'only this day (Asia/Taipei), aggregated again', day)
    .addHelpText(
      'after',
      [
        '',
        'Without --day, aggregates every complete day not aggregated yet (the last one again),',
        'as the daily job stats.aggregate-usage does. Re-running a day gives the same numbers.',
        '',
        'Examples:',
        '  odp stats aggregate',
        '  DATABASE_URL=postgres://localhost/odp odp stats aggregate --day 2026-11-26',
      ].join('\n'),
    )
    .action(async (options: { day?: string }) => {
      const { handle } = await openRuntime();
      try {
        const outcome = await aggregateUsage(
          { db: handle.db, dialect: handle.dialect },
          { day: options.day },
        );
        const days =
          outcome.days.length === 0
            ? 'no days to aggregate'
            : `aggregated ${outcome.days[0]}${outcome.days.length > 1 ? ` to ${outcome.days.at(-1)}` : ''}`;
        console.log(
          `odp: ${days}; totals to ${outcome.asOf} for ${outcome.datasets} datasets; ` +
            `${outcome.purgedEvents} events older than the retention deleted`,
        );
      } finally {
        await handle.close();
      }
    });
}
