import { PAGE_CSP } from '../pages/views/layout.tsx';

/**
 * The map page's Content-Security-Policy: the pages' own (layout.tsx), with the tile
 * server's origin added to img-src when the operator configured one (ODP_MAP_TILE_URL),
 * and nothing added when not. `{s}` subdomains in the template become a `*.` wildcard.
 */

/** The CSP source of a tile URL template ('https://*.tile.example.org'), or undefined if it has none. */
export function tileSource(tileUrl: string | undefined): string | undefined {
  if (!tileUrl) return undefined;
  const match = /^(https?):\/\/([^/]+)\//i.exec(tileUrl);
  if (!match) return undefined;
  const host = match[2]!.replace(/^\{s\}\./, '*.').toLowerCase();
  // Only a plain host (and port) may enter the header.
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(host)) return undefined;
  return `${match[1]!.toLowerCase()}://${host}`;
}

/** The map page's CSP: img-src also allows the tile server, if there is one. */
export function mapPageCsp(tileUrl: string | undefined): string {
  const source = tileSource(tileUrl);
  if (!source) return PAGE_CSP;
  return PAGE_CSP.split('; ')
    .map((directive) => (directive.startsWith('img-src ') ? `${directive} ${source}` : directive))
    .join('; ');
}
