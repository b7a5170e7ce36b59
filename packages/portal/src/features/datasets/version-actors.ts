import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Who made a version, as the public may see it. Versions record the actor as written
 * by the write (`user:<e-mail>`, `api-key:<id>`, `admin-token`, `import:<file>`, …);
 * pages never show an e-mail address: a person is their display name, or just 機關人員
 * (agency staff) when there is none.
 */

export interface PublicActor {
  kind: 'person' | 'platform' | 'import' | 'system';
  /** The person's display name, the import's file or the system actor; null when not shown. */
  name: string | null;
}

/** A name that is safe to show: never anything that looks like an e-mail address. */
function safeName(name: string | null | undefined): string | null {
  const text = name?.trim() ?? '';
  return text === '' || text.includes('@') ? null : text.slice(0, 100);
}

function parse(actor: string): { kind: 'email'; email: string } | { kind: 'key'; id: number } | PublicActor {
  if (actor === 'admin-token') return { kind: 'platform', name: null };
  if (actor.startsWith('user:')) return { kind: 'email', email: actor.slice('user:'.length) };
  const key = /^api-key:(\d{1,12})$/.exec(actor);
  if (key) return { kind: 'key', id: Number(key[1]) };
  if (actor.startsWith('import:')) {
    const file = actor.slice('import:'.length).split(/[\\/]/).pop() ?? '';
    return { kind: 'import', name: safeName(file) };
  }
  // Anything else with an address in it is somebody: show no more than that.
  if (actor.includes('@')) return { kind: 'person', name: null };
  return { kind: 'system', name: safeName(actor) };
}

/** The public form of each actor (display names looked up in one query per kind). */
export async function publicActors(
  db: Kysely<Database>,
  actors: readonly string[],
): Promise<Map<string, PublicActor>> {
  const parsed = new Map([...new Set(actors)].map((a) => [a, parse(a)] as const));
  const emails = [...parsed.values()].flatMap((p) => (p.kind === 'email' ? [p.email.toLowerCase()] : []));
  const keyIds = [...parsed.values()].flatMap((p) => (p.kind === 'key' ? [p.id] : []));
  const byEmail = new Map<string, string>();
  const byKey = new Map<number, string>();
  if (emails.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['email', 'displayName'])
      .where('email', 'in', emails)
      .execute();
    for (const r of rows) byEmail.set(r.email, r.displayName);
  }
  if (keyIds.length > 0) {
    const rows = await db
      .selectFrom('apiKeys')
      .innerJoin('users', 'users.id', 'apiKeys.userId')
      .select(['apiKeys.id as id', 'users.displayName as displayName'])
      .where('apiKeys.id', 'in', keyIds)
      .execute();
    for (const r of rows) byKey.set(Number(r.id), r.displayName);
  }
  const out = new Map<string, PublicActor>();
  for (const [actor, p] of parsed) {
    if (p.kind === 'email')
      out.set(actor, { kind: 'person', name: safeName(byEmail.get(p.email.toLowerCase())) });
    else if (p.kind === 'key') out.set(actor, { kind: 'person', name: safeName(byKey.get(p.id)) });
    else out.set(actor, p);
  }
  return out;
}
