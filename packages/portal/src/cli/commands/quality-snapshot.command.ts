import { InvalidArgumentError, type Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { isDay } from '../../features/stats/usage-day.ts';
import { takeQualitySnapshot } from '../../features/quality-dashboard/quality-snapshot.service.ts';

/** `odp quality snapshot [--day]`: what the daily job quality.snapshot does, in this process. */

const day = (value: string): string => {
  if (!isDay(value)) throw new InvalidArgumentError('must be a day like 2026-11-27');
  return value;
};

/** Adds `snapshot` to the `odp quality` command (created here when it is missing). */
export function registerQualitySnapshot(program: Command): void {
  const quality =
    program.commands.find((c) => c.name() === 'quality') ??
    program
      .command('quality')
      .description('Quality: snapshots of the badges for the dashboards')
      .addHelpText('after', ['', 'Examples:', '  odp quality snapshot'].join('\n'));
  quality
    .command('snapshot')
    .description('Record today’s badge counts (platform, 中央/地方, each agency) for the dashboards’ trends')
    .option('--day <YYYY-MM-DD>', 'file the counts of now under this day (Asia/Taipei), not after today', day)
    .addHelpText(
      'after',
      [
        '',
        'The daily job quality.snapshot does the same at 23:50 Taipei time. Taking a snapshot',
        'again the same day replaces that day’s rows. --day fills a day the job missed, with',
        'the badges as they are now.',
        '',
        'Examples:',
        '  odp quality snapshot',
        '  DATABASE_URL=postgres://localhost/odp odp quality snapshot --day 2026-11-26',
      ].join('\n'),
    )
    .action(async (options: { day?: string }) => {
      const { handle } = await openRuntime();
      try {
        const outcome = await takeQualitySnapshot(
          { db: handle.db, dialect: handle.dialect },
          { day: options.day },
        );
        console.log(
          `odp: quality snapshot of ${outcome.day}: ${outcome.datasets} datasets of ` +
            `${outcome.organizations} agencies, ${outcome.badgedPercent}% badged`,
        );
      } finally {
        await handle.close();
      }
    });
}
