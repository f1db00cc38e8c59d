// "Today" on the organisation's wall clock: the instants where its calendar day starts and ends.
import { DateTime } from 'luxon';

export function todayBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return {
    start: local.startOf('day').toJSDate(),
    end: local.plus({ days: 1 }).startOf('day').toJSDate(),
  };
}
