import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * 字級 (text size) without JavaScript: the 小/中/大 links call `/font-size`, which keeps the
 * choice in a cookie and sends the reader back. Pages link `/assets/font-size.css`, whose
 * content follows the cookie; the page HTML itself never varies by cookie, so pages stay
 * cacheable by URL (the read cache and any shared cache in front).
 * Registered outside the read cache: both answers depend on the cookie.
 */

export const FONT_SIZES = ['small', 'medium', 'large'] as const;
export type FontSize = (typeof FONT_SIZES)[number];

export const FONT_SIZE_COOKIE = 'odp_font_size';
export const FONT_SIZE_STYLESHEET_HREF = '/assets/font-size.css';

const ROOT_SIZE: Record<FontSize, string> = { small: '87.5%', medium: '100%', large: '125%' };

/** The `/font-size` link for a size, returning to `back` (a page path with its query). */
export function fontSizeHref(size: FontSize, back: string): string {
  return `/font-size?${new URLSearchParams({ size, back }).toString()}`;
}

/** Only a path on this site: never `//host` or `/\host`, which browsers read as another origin. */
function safeBack(back: string | undefined): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || back.startsWith('/\\')) return '/';
  return [...back].some((c) => c.charCodeAt(0) < 0x20) ? '/' : back;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function fontSizeOf(cookieHeader: string | undefined): FontSize {
  const value = cookieValue(cookieHeader, FONT_SIZE_COOKIE);
  return (FONT_SIZES as readonly string[]).includes(value ?? '') ? (value as FontSize) : 'medium';
}

const FontSizeQuerySchema = z.object({
  size: z.enum(FONT_SIZES),
  back: z.string().max(2000).optional(),
});

export const fontSizeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/font-size',
    { config: { cacheControl: 'no-store' }, schema: { querystring: FontSizeQuerySchema } },
    async (request, reply) => {
      const { size, back } = request.query;
      return reply
        .header('set-cookie', `${FONT_SIZE_COOKIE}=${size}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`)
        .redirect(safeBack(back), 303);
    },
  );

  app.get(
    FONT_SIZE_STYLESHEET_HREF,
    { config: { cacheControl: 'private, no-cache' } },
    async (request, reply) => {
      const size = fontSizeOf(request.headers.cookie);
      const css =
        `html{font-size:${ROOT_SIZE[size]}}\n` +
        `.font-size a[data-size="${size}"]{background:#fff;color:#0d2b52;font-weight:700}\n`;
      return reply.type('text/css; charset=utf-8').header('vary', 'Cookie').send(css);
    },
  );
};
