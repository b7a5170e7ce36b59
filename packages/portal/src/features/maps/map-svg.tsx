import type { Geometry } from 'geojson';
import type { MapFeatureCollection } from './kml-to-geojson.ts';
import {
  bboxOf,
  overlaps,
  pathData,
  pointsOf,
  projection,
  viewBbox,
  type Projection,
} from './map-projection.ts';
import type { CountyOutline } from './taiwan-outline.ts';

/**
 * The map drawn on the server (伺服器端地圖): the counties of the outline around the data
 * and the data's points, lines and areas, projected onto an SVG (map-projection.ts). It
 * is what readers without JavaScript see, and what the interactive map replaces; its
 * text alternative is the table of locations next to it. Styles come from portal.css
 * (classes only: the page's CSP allows no inline styles).
 */

/** The most features drawn on the static map (the table says how many there are). */
export const MAX_SVG_FEATURES = 2000;
/** The radius of a point, in the SVG's units. */
const POINT_RADIUS = 4;

export interface MapSvgProps {
  outline: CountyOutline;
  features: MapFeatureCollection;
  /** Accessible name of the drawing. */
  label: string;
  width?: number;
}

/** The view of the static map: the data's box with a margin, or all of Taiwan when there is no data. */
export function mapView(features: MapFeatureCollection, width = 640): Projection {
  const box = bboxOf(features.features.map((f) => f.geometry));
  return projection(viewBbox(box), width);
}

function FeatureShape({ geometry, view }: { geometry: Geometry; view: Projection }) {
  const points = pointsOf(geometry);
  const d = pathData(geometry, view);
  return (
    <>
      {d ? <path class={geometry.type.includes('Polygon') ? 'map-area' : 'map-line'} d={d} /> : null}
      {points.map(([lon = 0, lat = 0], i) => {
        const [x, y] = view.project(lon, lat);
        return <circle key={i} class="map-point" cx={x.toFixed(1)} cy={y.toFixed(1)} r={POINT_RADIUS} />;
      })}
    </>
  );
}

export function MapSvg({ outline, features, label, width = 640 }: MapSvgProps) {
  const view = mapView(features, width);
  const counties = outline.features.filter((county) => {
    const box = bboxOf([county.geometry]);
    return box !== undefined && overlaps(box, view.bbox);
  });
  return (
    <svg
      class="map-svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${view.width} ${view.height}`}
      role="img"
      aria-label={label}
      data-bbox={view.bbox.map((n) => n.toFixed(4)).join(',')}
    >
      <rect class="map-sea" x="0" y="0" width={view.width} height={view.height} />
      <g class="map-counties">
        {counties.map((county) => (
          <path
            key={county.properties.code}
            d={pathData(county.geometry, view)}
            data-county={county.properties.name}
          />
        ))}
      </g>
      <g class="map-features">
        {features.features.slice(0, MAX_SVG_FEATURES).map((feature, i) => (
          <FeatureShape key={i} geometry={feature.geometry} view={view} />
        ))}
      </g>
    </svg>
  );
}
