import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { rescoreCatalogue } from '../../features/quality/metadata-score.service.ts';
import { openRuntime } from '../runtime.ts';

/** `odp quality score`: recompute every dataset's metadata quality score (docs/quality.md). */
async function score(options: { quiet: boolean }): Promise<void> {
  const { handle } = await openRuntime();
  try {
    const catalogue = { db: handle.db, dialect: handle.dialect };
    const bar =
      process.stderr.isTTY && !options.quiet
        ? new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: 'scoring [{bar}] {percentage}% | {value}/{total} datasets | {eta_formatted} left',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
    const started = performance.now();
    const summary = await rescoreCatalogue(catalogue, {
      onStart: (total) => bar?.start(total, 0),
      onProgress: (done) => bar?.update(done),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    const { bands } = summary;
    console.log(
      `scored ${summary.scored} datasets in ${seconds.toFixed(1)} s: excellent ${bands.excellent}, ` +
        `good ${bands.good}, sufficient ${bands.sufficient}, bad ${bands.bad}`,
    );
  } finally {
    await handle.close();
  }
}

export function registerQuality(program: Command): void {
  const quality = program
    .command('quality')
    .description('Metadata quality: recompute the 405-point metadata quality score of every dataset')
    .addHelpText('after', ['', 'Examples:', '  odp quality score', '  odp quality score --quiet'].join('\n'));
  quality
    .command('score')
    .description('Recompute and store every dataset’s metadata quality score, with a progress bar')
    .option('-q, --quiet', 'print only the summary', false)
    .addHelpText(
      'after',
      [
        '',
        'Scores are also recomputed after every write and every check; run this after changing',
        'the scoring rules or restoring a backup.',
        '',
        'Examples:',
        '  odp quality score',
        '  DATABASE_URL=postgres://localhost/odp odp quality score',
      ].join('\n'),
    )
    .action(async (options: { quiet: boolean }) => score(options));
}
