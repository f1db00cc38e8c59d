// Staff sessions through better-auth: the cookie is signed, sessions end when they should, a
// session in use is extended, instances share the signing key, and an upgrade keeps passwords.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openDatabase } from '../../src/db/client.ts';
import { hashPassword } from '../../src/core/users/secrets.ts';
import { changeOwnPassword } from '../../src/core/users/sessions.ts';
import { staffAuth } from '../../src/core/users/staff-auth.ts';
import { databaseUrl } from '../support/db.ts';
import { makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

const PASSWORD = 'correct horse battery';
let desk: Desk;
let api: FastifyInstance;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

async function signIn(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    headers: { 'user-agent': 'Redress test browser' },
  });
  const cookie = res.cookies.find((c) => c.name === 'redress_session');
  return { res, cookie, header: { cookie: `redress_session=${cookie?.value ?? ''}` } };
}

const me = (app: FastifyInstance, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers });

const sessionRows = async (userId: string) =>
  (
    await desk.database.pool.query<{ token: string; expires_at: Date; user_agent: string }>(
      `SELECT token, expires_at, user_agent FROM auth_sessions WHERE user_id = $1`,
      [userId],
    )
  ).rows;

describe('the session cookie', () => {
  test('carries a signed token: the stored token alone, or a changed signature, is refused', async () => {
    const user = await desk.makeUser('agent', 'Signed Cookie');
    const { res, cookie, header } = await signIn(api, 'signed.cookie@example.test');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: user.id, role: 'agent' } });
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: 14 * 86_400,
    });
    // Fourteen days, in the cookie and in the stored session alike.
    const [row] = await sessionRows(user.id);
    expect(row?.user_agent).toBe('Redress test browser');
    const days = ((row?.expires_at.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    expect(new Date(res.json().expiresAt).getTime()).toBe(row?.expires_at.getTime());

    expect((await me(api, header)).json()).toMatchObject({ id: user.id });
    expect(res.headers['cache-control']).toBe('no-store');
    // The cookie is "<token>.<signature>"; the database keeps only a hash of the token.
    const [token, signature] = (cookie?.value ?? '').split('.');
    expect(token).toMatch(/^\w{32}$/);
    expect(signature).toBeTruthy();
    expect(row?.token).toBe(
      `sha256:${createHash('sha256')
        .update(token ?? '')
        .digest('hex')}`,
    );
    // What a copy of the database holds is not enough to sign in, nor is the token unsigned.
    for (const presented of [row?.token, `${row?.token}.${signature}`, token]) {
      const res = await me(api, {
        cookie: `redress_session=${encodeURIComponent(presented ?? '')}`,
      });
      expect(res.statusCode).toBe(401);
    }
    // Nor is the stored hash signed with the stored key: a copy of the database, key and all.
    const key = (
      await desk.database.pool.query<{ secret: string }>(
        `SELECT secret FROM server_secrets WHERE name = 'staff-sessions'`,
      )
    ).rows[0]?.secret;
    expect(key).toBeTruthy();
    const signedCopy = `${row?.token}.${createHmac('sha256', key ?? '')
      .update(row?.token ?? '')
      .digest('base64')}`;
    const sameSigning = `${token}.${createHmac('sha256', key ?? '')
      .update(token ?? '')
      .digest('base64')}`;
    expect(sameSigning).toBe(cookie?.value); // the forgery below is signed the way real cookies are
    expect(
      (await me(api, { cookie: `redress_session=${encodeURIComponent(signedCopy)}` })).statusCode,
    ).toBe(401);
    const forged = `${token}.${randomBytes(32).toString('base64')}`;
    expect(
      (await me(api, { cookie: `redress_session=${encodeURIComponent(forged)}` })).statusCode,
    ).toBe(401);
  });

  test('a session near its end is extended when used; an expired one is refused and removed', async () => {
    const user = await desk.makeUser('agent', 'Sliding Session');
    const { header, cookie } = await signIn(api, 'sliding.session@example.test');
    await desk.database.pool.query(
      `UPDATE auth_sessions SET expires_at = now() + interval '2 hours' WHERE user_id = $1`,
      [user.id],
    );
    // Pages and files are served without looking the session up: nothing is extended there.
    const page = await api.inject({ method: 'GET', url: '/', headers: header });
    expect(page.headers['set-cookie']).toBeUndefined();
    const used = await me(api, header);
    expect(used.statusCode).toBe(200);
    // The answer carrying the extended cookie is kept by no shared cache.
    expect(used.headers['cache-control']).toBe('no-store');
    const refreshed = used.cookies.find((c) => c.name === 'redress_session');
    expect(refreshed?.maxAge).toBe(14 * 86_400);
    expect(refreshed?.value).toBe(cookie?.value); // the same session, signed the same way
    const [extended] = await sessionRows(user.id);
    expect((extended?.expires_at.getTime() ?? 0) - Date.now()).toBeGreaterThan(13 * 86_400_000);

    await desk.database.pool.query(
      `UPDATE auth_sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [user.id],
    );
    expect((await me(api, header)).statusCode).toBe(401);
    expect(await sessionRows(user.id)).toEqual([]);
  });

  test('signing out ends the session in the database and clears the cookie', async () => {
    const user = await desk.makeUser('agent', 'Signing Out');
    const { header } = await signIn(api, 'signing.out@example.test');
    expect(await sessionRows(user.id)).toHaveLength(1);
    const out = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { ...header, 'x-redress-request': '1' },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'redress_session')?.value).toBe('');
    expect(await sessionRows(user.id)).toEqual([]);
    expect((await me(api, header)).statusCode).toBe(401);
  });
});

test('with REDRESS_SECURE_COOKIES the cookie is sent over HTTPS only', async () => {
  await desk.makeUser('agent', 'Secure Cookie');
  const https = (await buildApp({
    database: desk.database,
    jobs: desk.jobs,
    now: desk.clock.now,
    isSecureCookie: true,
  })) as FastifyInstance;
  try {
    const { cookie } = await signIn(https, 'secure.cookie@example.test');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    expect((await signIn(api, 'secure.cookie@example.test')).cookie?.secure).toBeFalsy();
  } finally {
    await https.close();
  }
});

describe('accounts', () => {
  test('switching an account off ends its sessions and refuses its password', async () => {
    const admin = await tokenFor(desk, 'admin');
    const user = await desk.makeUser('agent', 'Switched Off');
    const { header } = await signIn(api, 'switched.off@example.test');
    const off = await api.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { isActive: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await me(api, header)).statusCode).toBe(401);
    const again = await signIn(api, 'switched.off@example.test');
    expect(again.res.statusCode).toBe(401);
    expect(again.res.json().title).toBe('Email or password is wrong.');
    expect(await sessionRows(user.id)).toEqual([]);
  });

  test('a new password ends the old sessions; only the new password signs in', async () => {
    const admin = await tokenFor(desk, 'admin');
    const user = await desk.makeUser('agent', 'New Password');
    const { header } = await signIn(api, 'new.password@example.test');
    const changed = await api.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { password: 'a different long secret' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(api, header)).statusCode).toBe(401);
    expect((await signIn(api, 'new.password@example.test')).res.statusCode).toBe(401);
    const fresh = await signIn(api, 'new.password@example.test', 'a different long secret');
    expect(fresh.res.statusCode).toBe(200);
    expect((await me(api, fresh.header)).statusCode).toBe(200);
  });

  test('wrong passwords sent all at once are counted before any is checked', async () => {
    await desk.makeUser('agent', 'Burst Target');
    const statuses = (
      await Promise.all(
        Array.from({ length: 14 }, (_, n) =>
          api.inject({
            method: 'POST',
            url: '/api/v1/auth/sign-in',
            payload: { email: 'burst.target@example.test', password: `guess ${n}` },
            remoteAddress: `198.51.100.${n + 1}`,
          }),
        ),
      )
    ).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  test('a wrong password and an unknown email get the same answer', async () => {
    await desk.makeUser('agent', 'Same Answer');
    const wrong = await signIn(api, 'same.answer@example.test', 'not the password');
    const unknown = await signIn(api, 'nobody.here@example.test');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(unknown.res.json().title).toBe(wrong.res.json().title);
    expect(wrong.cookie).toBeUndefined();
  });
});

describe('where am I signed in', () => {
  test('each person lists and ends only their own sessions; "end the others" keeps this one', async () => {
    const user = await desk.makeUser('agent', 'Many Devices');
    const laptop = await signIn(api, 'many.devices@example.test');
    const phone = await signIn(api, 'many.devices@example.test');
    const tablet = await signIn(api, 'many.devices@example.test');
    await desk.makeUser('agent', 'Someone Else');
    const other = await signIn(api, 'someone.else@example.test');
    const write = (h: Record<string, string>) => ({ ...h, 'x-redress-request': '1' });

    const list = await api.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: laptop.header,
    });
    expect(list.statusCode).toBe(200);
    const sessions = list.json<Array<{ id: string; isCurrent: boolean; userAgent: string }>>();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      userAgent: 'Redress test browser',
      device: 'Unknown browser',
    });
    expect(JSON.stringify(sessions)).not.toMatch(/sha256|token/);

    // Someone else's session reads as unknown and stays.
    const theirs = (
      await api.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: other.header })
    ).json<Array<{ id: string }>>()[0]?.id;
    const refused = await api.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${theirs}`,
      headers: write(laptop.header),
    });
    expect(refused.statusCode).toBe(404);
    expect((await me(api, other.header)).statusCode).toBe(200);

    // End the phone's session by id, from the laptop.
    const phoneId = (
      await api.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: phone.header })
    )
      .json<Array<{ id: string; isCurrent: boolean }>>()
      .find((s) => s.isCurrent)?.id;
    const ended = await api.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneId}`,
      headers: write(laptop.header),
    });
    expect(ended.statusCode).toBe(204);
    expect((await me(api, phone.header)).statusCode).toBe(401);
    expect((await me(api, tablet.header)).statusCode).toBe(200);

    const others = await api.inject({
      method: 'POST',
      url: '/api/v1/me/sessions/end-others',
      headers: write(laptop.header),
    });
    expect(others.json()).toEqual({ ended: 1 });
    expect((await me(api, tablet.header)).statusCode).toBe(401);
    expect((await me(api, laptop.header)).statusCode).toBe(200);
    expect((await me(api, other.header)).statusCode).toBe(200);
    expect(await sessionRows(user.id)).toHaveLength(1);
  });

  test("an API token sees no one's sessions and ends none", async () => {
    const { user, headers } = await tokenFor(desk, 'agent');
    await desk.database.pool.query(
      `UPDATE users SET email = 'token.holder@example.test' WHERE id = $1`,
      [user.id],
    );
    const browser = await signIn(api, 'token.holder@example.test');
    const list = await api.inject({ method: 'GET', url: '/api/v1/me/sessions', headers });
    expect(list.statusCode).toBe(403);
    expect(list.json().title).toBe('Manage your sessions from a signed-in browser.');
    const all = await api.inject({
      method: 'POST',
      url: '/api/v1/me/sessions/end-others',
      headers,
    });
    expect(all.statusCode).toBe(403);
    expect((await me(api, browser.header)).statusCode).toBe(200);
  });
});

describe('changing your own password', () => {
  test('needs the current one; ends every other session and keeps this browser signed in', async () => {
    const user = await desk.makeUser('agent', 'Own Password');
    const here = await signIn(api, 'own.password@example.test');
    const there = await signIn(api, 'own.password@example.test');
    const change = (body: object, headers = here.header) =>
      api.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { ...headers, 'x-redress-request': '1', 'user-agent': 'Redress test browser' },
        payload: body,
      });
    const wrong = await change({
      currentPassword: 'not it at all',
      newPassword: 'my brand new secret',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().issues).toEqual([
      { path: 'currentPassword', message: 'Not your current password.' },
    ]);
    const short = await change({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.json().issues).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
    expect((await me(api, there.header)).statusCode).toBe(200); // nothing changed yet

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'my brand new secret' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const fresh = ok.cookies.find((c) => c.name === 'redress_session');
    expect(fresh?.value).toBeTruthy();
    expect((await me(api, { cookie: `redress_session=${fresh?.value}` })).statusCode).toBe(200);
    expect((await me(api, there.header)).statusCode).toBe(401);
    expect((await me(api, here.header)).statusCode).toBe(401); // replaced by the fresh cookie
    const rows = await sessionRows(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.user_agent).toBe('Redress test browser'); // the new session is this browser's
    expect((await signIn(api, 'own.password@example.test')).res.statusCode).toBe(401);
    const after = await signIn(api, 'own.password@example.test', 'my brand new secret');
    expect(after.res.statusCode).toBe(200);
  });

  test('a change that cannot finish changes nothing (the account was switched off meanwhile)', async () => {
    const user = await desk.makeUser('agent', 'Half Change');
    const here = await signIn(api, 'half.change@example.test');
    const other = await signIn(api, 'half.change@example.test');
    // Between the request's own check and the new session: switched off in the database.
    await desk.database.pool.query(`UPDATE users SET is_active = false WHERE id = $1`, [user.id]);
    const attempt = changeOwnPassword(
      await staffAuth(desk.database),
      { currentPassword: PASSWORD, newPassword: 'never to be saved' },
      here.header.cookie,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'unauthenticated' });
    await desk.database.pool.query(`UPDATE users SET is_active = true WHERE id = $1`, [user.id]);
    // Rolled back whole: both sessions still live, the old password still the one.
    expect(await sessionRows(user.id)).toHaveLength(2);
    expect((await me(api, other.header)).statusCode).toBe(200);
    expect((await signIn(api, 'half.change@example.test')).res.statusCode).toBe(200);
    expect(
      (await signIn(api, 'half.change@example.test', 'never to be saved')).res.statusCode,
    ).toBe(401);
  });

  test('an API token cannot change it, and guessing the current one is limited', async () => {
    const { headers } = await tokenFor(desk, 'agent');
    const byToken = await api.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers,
      payload: { currentPassword: PASSWORD, newPassword: 'my brand new secret' },
    });
    expect(byToken.statusCode).toBe(403);

    await desk.makeUser('agent', 'Password Guesser');
    const here = await signIn(api, 'password.guesser@example.test');
    const guess = (n: number) =>
      api.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { ...here.header, 'x-redress-request': '1' },
        payload: { currentPassword: `guess number ${n}`, newPassword: 'my brand new secret' },
      });
    // Sent all at once, the guesses are counted before any is checked: ten are tried, no more.
    const statuses = (await Promise.all(Array.from({ length: 16 }, (_, n) => guess(n)))).map(
      (r) => r.statusCode,
    );
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const right = await api.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { ...here.header, 'x-redress-request': '1' },
      payload: { currentPassword: PASSWORD, newPassword: 'my brand new secret' },
    });
    expect(right.statusCode).toBe(429); // even the right one waits out the window
  });
});

describe('several instances', () => {
  test('share the stored signing key; REDRESS_SECRET replaces it on every instance alike', async () => {
    await desk.makeUser('agent', 'Two Instances');
    const other = await makeApi(desk);
    const secret = 'a shared secret of at least thirty-two characters';
    const withSecret = (await buildApp({
      database: desk.database,
      jobs: desk.jobs,
      now: desk.clock.now,
      portal: { secret },
    })) as FastifyInstance;
    const alsoWithSecret = (await buildApp({
      database: desk.database,
      jobs: desk.jobs,
      now: desk.clock.now,
      portal: { secret },
    })) as FastifyInstance;
    try {
      const stored = await signIn(api, 'two.instances@example.test');
      expect((await me(other, stored.header)).statusCode).toBe(200);
      const keyed = await signIn(withSecret, 'two.instances@example.test');
      expect((await me(alsoWithSecret, keyed.header)).statusCode).toBe(200);
      // A different key: each refuses the other's cookies.
      expect((await me(api, keyed.header)).statusCode).toBe(401);
      expect((await me(withSecret, stored.header)).statusCode).toBe(401);
    } finally {
      await Promise.all([other.close(), withSecret.close(), alsoWithSecret.close()]);
    }
  });
});

describe('upgrading', () => {
  test('migration 0012 keeps every password: staff sign in as before', async () => {
    const name = `rt_up_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const database = openDatabase(databaseUrl(name), { max: 3 });
    const dir = new URL('../../src/db/migrations/', import.meta.url);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const apply = async (file: string) => {
      for (const statement of readFileSync(new URL(file, dir), 'utf8').split(
        '--> statement-breakpoint',
      ))
        await database.pool.query(statement);
    };
    let upgraded: FastifyInstance | undefined;
    try {
      for (const file of files.filter((f) => f < '0012')) await apply(file);
      // A user as the previous version stored them: the hash on the users row.
      await database.pool.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Old Timer', 'supervisor', $2)`,
        ['old.timer@example.test', await hashPassword('from before the upgrade')],
      );
      await apply(files.find((f) => f.startsWith('0012')) ?? 'missing');
      upgraded = (await buildApp({
        database,
        jobs: desk.jobs,
        now: desk.clock.now,
      })) as FastifyInstance;
      const session = await signIn(upgraded, 'old.timer@example.test', 'from before the upgrade');
      expect(session.res.statusCode).toBe(200);
      expect((await me(upgraded, session.header)).json()).toMatchObject({ role: 'supervisor' });
    } finally {
      await upgraded?.close();
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
