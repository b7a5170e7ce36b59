import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { hashPassword } from './password.ts';
import { LOCKOUT_FAILURES, LOCKOUT_MINUTES, signInWithPassword } from './sign-in.service.ts';
import { createUser, findUser, updateUser } from './user.repo.ts';

/* The lockout with a clock of its own: 5 failures lock for 15 minutes, then the right password works. */

const PASSWORD = 'the right password';
let db: TestDatabase;
let id: number;

beforeAll(async () => {
  db = await openTestDatabase();
  id = await createUser(db.db, {
    email: 'clock@example.gov.tw',
    displayName: '時鐘',
    passwordHash: await hashPassword(PASSWORD),
    emailVerified: true,
  });
});

afterAll(async () => {
  await db.destroy();
});

describe('signInWithPassword', () => {
  it('locks after LOCKOUT_FAILURES failures in a row and unlocks LOCKOUT_MINUTES later', async () => {
    const t0 = new Date('2026-03-01T08:00:00.000Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    for (let i = 1; i < LOCKOUT_FAILURES; i++)
      expect((await signInWithPassword(db.db, 'clock@example.gov.tw', 'wrong', at(0))).outcome).toBe(
        'failed',
      );
    expect((await signInWithPassword(db.db, 'clock@example.gov.tw', 'wrong', at(0))).outcome).toBe('locked');
    expect((await findUser(db.db, { id }))?.lockedUntil).toBe(at(LOCKOUT_MINUTES).toISOString());
    expect((await signInWithPassword(db.db, 'clock@example.gov.tw', PASSWORD, at(1))).outcome).toBe('locked');
    expect(
      (await signInWithPassword(db.db, 'clock@example.gov.tw', PASSWORD, at(LOCKOUT_MINUTES - 0.01))).outcome,
    ).toBe('locked');
    const after = await signInWithPassword(db.db, 'clock@example.gov.tw', PASSWORD, at(LOCKOUT_MINUTES));
    expect(after.outcome).toBe('signed-in');
    expect(await findUser(db.db, { id })).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('counts failures in a row only: a success in between starts again', async () => {
    const now = new Date('2026-03-02T08:00:00.000Z');
    for (let i = 1; i < LOCKOUT_FAILURES; i++)
      await signInWithPassword(db.db, 'clock@example.gov.tw', 'wrong', now);
    expect((await signInWithPassword(db.db, 'clock@example.gov.tw', PASSWORD, now)).outcome).toBe(
      'signed-in',
    );
    expect((await signInWithPassword(db.db, 'clock@example.gov.tw', 'wrong', now)).outcome).toBe('failed');
  });

  it('fails a disabled account like a wrong password', async () => {
    await updateUser(db.db, id, { disabledAt: '2026-03-03T00:00:00.000Z' });
    expect((await signInWithPassword(db.db, 'clock@example.gov.tw', PASSWORD)).outcome).toBe('failed');
    await updateUser(db.db, id, { disabledAt: null });
  });
});
