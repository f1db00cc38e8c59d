// Admins shape the clocks: holidays, overrides by severity, validation with field paths.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { complaint, makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

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

test('settings change the SLA of new cases, and bad settings are refused field by field', async () => {
  const admin = await tokenFor(desk, 'admin');
  const agent = await tokenFor(desk, 'agent');
  const patch = {
    calendar: {
      timeZone: 'Europe/London',
      weeklyHours: {
        mon: [{ start: '09:00', end: '17:30' }],
        tue: [{ start: '09:00', end: '17:30' }],
      },
      holidays: ['2026-11-23'],
      closures: [],
    },
  };
  expect(
    (
      await api.inject({
        method: 'PATCH',
        url: '/api/v1/settings',
        headers: agent.headers,
        payload: patch,
      })
    ).statusCode,
  ).toBe(403);
  const saved = await api.inject({
    method: 'PATCH',
    url: '/api/v1/settings',
    headers: admin.headers,
    payload: patch,
  });
  expect(saved.statusCode).toBe(200);

  // Monday 23 November is now a holiday: a complaint that morning is due at Tuesday's close.
  desk.clock.set('2026-11-23T10:00:00Z');
  const opened = await api.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent.headers,
    payload: complaint(),
  });
  expect(opened.json().firstResponseDueAt).toBe('2026-11-24T17:30:00.000Z');

  const withOverride = await api.inject({
    method: 'PATCH',
    url: '/api/v1/settings',
    headers: admin.headers,
    payload: {
      slaPolicy: {
        firstResponse: { kind: 'same_business_day', cutoff: '16:00' },
        resolution: { kind: 'business_minutes', minutes: 2550 },
        overrides: [
          { severity: 'critical', firstResponse: { kind: 'calendar_minutes', minutes: 60 } },
        ],
        pauseWhileAwaitingCustomer: true,
      },
    },
  });
  expect(withOverride.statusCode).toBe(200);
  const critical = await api.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent.headers,
    payload: complaint({ severity: 'critical' }),
  });
  expect(critical.json().firstResponseDueAt).toBe('2026-11-23T11:00:00.000Z');

  const bad = await api.inject({
    method: 'PATCH',
    url: '/api/v1/settings',
    headers: admin.headers,
    payload: {
      calendar: {
        ...patch.calendar,
        timeZone: 'Mars/Olympus',
        weeklyHours: { mon: [{ start: '18:00', end: '09:00' }] },
      },
    },
  });
  expect(bad.statusCode).toBe(422);
  const paths = bad.json().issues.map((i: { path: string }) => i.path);
  expect(paths).toEqual(
    expect.arrayContaining(['body.calendar.timeZone', 'body.calendar.weeklyHours.mon.0.end']),
  );
  // Nothing changed: the holiday calendar is still in force.
  expect(
    (await api.inject({ method: 'GET', url: '/api/v1/settings', headers: agent.headers })).json()
      .calendar.holidays,
  ).toEqual(['2026-11-23']);
});
