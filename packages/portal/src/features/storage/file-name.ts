/**
 * File names of uploads: what the uploader called the file, kept for the download's
 * Content-Disposition, with every path component and control character removed.
 */

const MAX_NAME_LENGTH = 200;

/** The last path component of a name as sent (`C:\\data\\a.csv`, `../../a.csv` → `a.csv`), or null. */
export function sanitizeFileName(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (clean === '' || /^\.+$/.test(clean)) return null;
  return [...clean].slice(0, MAX_NAME_LENGTH).join('');
}

/** `attachment` with an ASCII fallback name and the full name in RFC 5987 `filename*`. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._()+-]/g, '_').replace(/^\.+/, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
