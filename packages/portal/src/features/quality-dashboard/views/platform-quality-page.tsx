import { href, type PageContext } from '../../pages/page-context.ts';
import { Chinese } from '../../pages/views/common.tsx';
import { Layout } from '../../pages/views/layout.tsx';
import { badgeBarChart, badgePieChart, trendChart } from '../quality-charts.ts';
import { qualityMessages } from '../quality-dashboard-messages.ts';
import type { PlatformQuality } from '../quality-dashboard.service.ts';
import { CommonErrors, DashboardFigure, levelLabel, QualityFacts } from './quality-sections.tsx';

/** /quality: 資料品質儀表板 — the platform's badges, trend, 中央 vs 地方, ranking and common errors. */
export function PlatformQualityPage({ ctx, data }: { ctx: PageContext; data: PlatformQuality }) {
  const q = qualityMessages(ctx.locale);
  const trend = trendChart('quality-trend', data.trend, ctx.locale);
  return (
    <Layout ctx={ctx} title={q.title} section="quality" crumbs={[{ label: q.title }]} description={q.intro}>
      <h1>{q.title}</h1>
      <p>{q.intro}</p>
      <QualityFacts ctx={ctx} figures={data} />
      <section aria-labelledby="badges-now">
        <h2 id="badges-now">{q.now}</h2>
        <DashboardFigure
          ctx={ctx}
          chart={badgeBarChart('quality-badges', q.distributionChart, data.badges, ctx.locale)}
        />
      </section>
      <section aria-labelledby="quality-trend-heading">
        <h2 id="quality-trend-heading">{q.trend}</h2>
        {trend ? <DashboardFigure ctx={ctx} chart={trend} /> : <p>{q.trendNone}</p>}
      </section>
      <section aria-labelledby="quality-levels">
        <h2 id="quality-levels">{q.levels}</h2>
        <div class="quality-pies">
          {(['central', 'local'] as const).map((level) => (
            <DashboardFigure
              key={level}
              ctx={ctx}
              chart={badgePieChart(
                `quality-${level}`,
                q.levelChart(levelLabel(ctx, level)),
                data.levels[level].badges,
                ctx.locale,
              )}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="quality-ranking">
        <h2 id="quality-ranking">{q.ranking}</h2>
        <p>{q.rankingIntro}</p>
        <div class="table-scroll">
          <table class="quality-ranking">
            <caption class="visually-hidden">{q.ranking}</caption>
            <thead>
              <tr>
                <th scope="col">{q.rank}</th>
                <th scope="col">{q.agency}</th>
                <th scope="col">{q.level}</th>
                <th scope="col">{q.datasets}</th>
                <th scope="col">{q.awardScore}</th>
                <th scope="col">{q.badgedPercent}</th>
              </tr>
            </thead>
            <tbody>
              {data.ranking.map((r) => (
                <tr key={r.organizationId} data-organization={r.organizationId}>
                  <td class="number">{r.rank}</td>
                  <th scope="row">
                    <a href={href(ctx, `/quality/organizations/${r.organizationId}`)}>
                      {ctx.locale === 'en' && r.nameEn ? r.nameEn : <Chinese ctx={ctx} text={r.nameZh} />}
                    </a>
                  </th>
                  <td>{levelLabel(ctx, r.level)}</td>
                  <td class="number">{r.datasets}</td>
                  <td class="number">{r.awardScore}</td>
                  <td class="number">{r.badgedPercent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <CommonErrors ctx={ctx} errors={data.commonErrors} />
    </Layout>
  );
}
