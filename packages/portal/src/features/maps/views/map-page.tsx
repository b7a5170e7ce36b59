import { HTML_LANG } from '../../../i18n/locale.ts';
import { href, type PageContext } from '../../pages/page-context.ts';
import { Chinese } from '../../pages/views/common.tsx';
import { Layout } from '../../pages/views/layout.tsx';
import type { MapLocation } from '../map-locations.ts';
import { mapMessages } from '../map-messages.ts';
import type { MapSource } from '../map-source.ts';
import { MapSvg } from '../map-svg.tsx';
import type { CountyOutline } from '../taiwan-outline.ts';
import type { MapFeatureCollection } from '../kml-to-geojson.ts';

/**
 * 地圖 page of a resource: the interactive map (Leaflet, resource-map.js) over a
 * server-drawn SVG of the same features, which is what shows without JavaScript, and the
 * table of locations (位置表) as the text alternative. Leaflet's files, the script and
 * the county outline are the portal's own, fingerprinted files (map-assets.ts).
 */

export interface MapPageData {
  datasetId: number;
  datasetTitle: string;
  datasetTitleEn: string | null;
  resourceId: string;
  resourceName: string;
  source: MapSource;
  features: MapFeatureCollection;
  total: number;
  locations: MapLocation[];
  /** The GeoJSON the script draws (same origin). */
  dataUrl: string;
  outlineUrl: string;
  tileUrl: string | undefined;
  tileAttribution: string;
  assets: { leafletScript: string; leafletStylesheet: string; mapScript: string };
}

const coordinate = (value: number) => value.toFixed(5);

function SourceNote({ ctx, source }: { ctx: PageContext; source: MapSource }) {
  const mm = mapMessages(ctx.locale);
  if (source.kind === 'coordinates') return <p>{mm.source.coordinates(source.lon, source.lat)}</p>;
  return <p>{mm.source[source.kind]}</p>;
}

function LocationTable({ ctx, data }: { ctx: PageContext; data: MapPageData }) {
  const mm = mapMessages(ctx.locale);
  const showKind = data.locations.some((l) => l.kind !== 'point');
  const lang = ctx.locale === 'en' ? HTML_LANG['zh-TW'] : undefined;
  return (
    <div class="table-scroll">
      <table class="map-locations">
        <caption>{mm.caption(data.total, data.locations.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{mm.name}</th>
            {showKind ? <th scope="col">{mm.kind}</th> : null}
            <th scope="col">{mm.longitude}</th>
            <th scope="col">{mm.latitude}</th>
            <th scope="col">{mm.county}</th>
          </tr>
        </thead>
        <tbody>
          {data.locations.map((l, i) => (
            <tr key={i}>
              <th scope="row">
                <Chinese ctx={ctx} text={l.name} />
              </th>
              {showKind ? <td>{mm.kinds[l.kind]}</td> : null}
              <td class="number">{coordinate(l.lon)}</td>
              <td class="number">{coordinate(l.lat)}</td>
              <td lang={lang}>{l.county ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MapPage({
  ctx,
  data,
  outline,
}: {
  ctx: PageContext;
  data: MapPageData;
  outline: CountyOutline;
}) {
  const mm = mapMessages(ctx.locale);
  const datasetTitle = ctx.locale === 'en' && data.datasetTitleEn ? data.datasetTitleEn : data.datasetTitle;
  const count = data.features.features.length;
  return (
    <Layout
      ctx={ctx}
      title={mm.title(data.resourceName)}
      section="datasets"
      crumbs={[
        { label: ctx.m.nav.datasets, path: '/datasets' },
        { label: datasetTitle, path: `/dataset/${data.datasetId}` },
        { label: mm.title(data.resourceName) },
      ]}
      description={mm.title(data.resourceName)}
    >
      <link rel="stylesheet" href={data.assets.leafletStylesheet} />
      <h1>
        {mm.title('')}
        <Chinese ctx={ctx} text={data.resourceName} />
      </h1>
      <p>{mm.intro}</p>
      <SourceNote ctx={ctx} source={data.source} />
      {count === 0 ? <p class="notice">{mm.noFeatures}</p> : null}
      <div class="map-frame">
        <div
          id="map-live"
          class="map-live"
          role="region"
          aria-label={mm.liveMap(data.resourceName)}
          hidden
          data-outline-url={data.outlineUrl}
          data-data-url={data.dataUrl}
          data-tile-url={data.tileUrl ?? ''}
          data-tile-attribution={data.tileAttribution}
          data-outline-attribution={mm.outline}
          data-loading={mm.loading}
          data-load-failed={mm.loadFailed}
          data-zoom-in={mm.zoomIn}
          data-zoom-out={mm.zoomOut}
        />
        <figure id="map-static" class="map-static">
          <MapSvg outline={outline} features={data.features} label={mm.staticMap(data.resourceName, count)} />
          <figcaption>
            {mm.staticMap(data.resourceName, count)}
            <br />
            <small>{mm.outline}</small>
          </figcaption>
        </figure>
        <p id="map-status" class="map-status" role="status" />
      </div>
      <LocationTable ctx={ctx} data={data} />
      <ul class="plain-list">
        <li>
          <a href={data.dataUrl} type="application/geo+json">
            {mm.data}
          </a>
        </li>
        <li>
          <a href={href(ctx, `/dataset/${data.datasetId}#resources`)}>{mm.back}</a>
        </li>
      </ul>
      <script defer src={data.assets.leafletScript} />
      <script defer src={data.assets.mapScript} />
    </Layout>
  );
}
