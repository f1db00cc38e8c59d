// Zod schema for a business calendar, shared by every door that accepts one (admin API, CLI,
// imports). The rules in calendar.rules.ts assume a calendar that passed this schema.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
// A window may end at midnight; it may not start there.
const HHMM_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const hoursWindowSchema = z
  .object({
    start: z.string().regex(HHMM, 'expected HH:MM between 00:00 and 23:59'),
    end: z.string().regex(HHMM_OR_MIDNIGHT, 'expected HH:MM between 00:01 and 24:00'),
  })
  // Fixed-width HH:MM strings sort like the times they name.
  .refine((w) => w.start < w.end, { path: ['end'], message: 'end must be after start' });

const dayHoursSchema = z.array(hoursWindowSchema).superRefine((windows, ctx) => {
  const order = windows
    .map((w, index) => ({ ...w, index }))
    .sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < order.length; i += 1) {
    const prev = order[i - 1];
    const cur = order[i];
    // Touching windows (12:00–13:00, 13:00–14:00) are fine; they merge into one stretch.
    if (prev && cur && cur.start < prev.end) {
      ctx.addIssue({
        code: 'custom',
        path: [cur.index],
        message: `overlaps ${prev.start}–${prev.end}`,
      });
    }
  }
});

const isoInstant = z.iso.datetime({ offset: true, message: 'expected an ISO instant with offset' });

export const businessCalendarSchema = z.object({
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), 'unknown IANA time zone'),
  // Strict, so a typo such as "tues" is reported instead of silently closing Tuesday.
  weeklyHours: z.strictObject({
    mon: dayHoursSchema.optional(),
    tue: dayHoursSchema.optional(),
    wed: dayHoursSchema.optional(),
    thu: dayHoursSchema.optional(),
    fri: dayHoursSchema.optional(),
    sat: dayHoursSchema.optional(),
    sun: dayHoursSchema.optional(),
  }),
  holidays: z.array(
    z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid, {
      message: 'expected a real date as YYYY-MM-DD',
    }),
  ),
  closures: z.array(
    z
      .object({ from: isoInstant, to: isoInstant })
      .refine((c) => Date.parse(c.from) < Date.parse(c.to), {
        path: ['to'],
        message: 'closure must end after it starts',
      }),
  ),
});
