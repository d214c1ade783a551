import { z } from 'zod';
import { msg } from './messages.js';

/**
 * CronJob schedules as the apiserver parses them: robfig/cron v3 `ParseStandard` (5 fields; `*`, `?`, ranges,
 * steps, lists, month and weekday names; @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly and
 * `@every <duration>`), minus the `TZ=`/`CRON_TZ=` prefix the apiserver refuses in favour of `timeZone`.
 *
 * Our own check and not an npm library: the dependency-free ones (croner, cron-schedule) accept a wider grammar
 * — a seconds field, `L`/`W`/`#`, weekday 7 — that this apiserver rejects, and a form must not pass what apply fails.
 */

type Field = { min: number; max: number; names?: readonly string[] };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS: readonly Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
// Go's time.ParseDuration: one or more <number><unit>, or a bare 0.
const GO_DURATION = /^[+-]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

function value(text: string, field: Field): number | undefined {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + field.min;
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

/** One comma-separated part: `*`, `?`, `a`, `a-b`, each optionally `/step`. */
function isRange(expr: string, field: Field): boolean {
  const [range = '', step, extra] = expr.split('/');
  if (extra !== undefined) return false;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return false;
  if (range === '*' || range === '?') return true;
  const [from = '', to, more] = range.split('-');
  if (more !== undefined) return false;
  const start = value(from, field);
  if (start === undefined) return false;
  if (to === undefined) return true;
  const end = value(to, field);
  return end !== undefined && start <= end;
}

export function isCronSchedule(schedule: string): boolean {
  const spec = schedule.trim();
  if (spec.startsWith('@')) {
    if (MACROS.has(spec)) return true;
    return spec.startsWith('@every ') && GO_DURATION.test(spec.slice('@every '.length));
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== FIELDS.length) return false;
  return fields.every((text, i) => {
    const field = FIELDS[i];
    return field !== undefined && text.split(',').every((expr) => isRange(expr, field));
  });
}

/**
 * An IANA zone name the runtime knows. The apiserver loads names from its own tz database and refuses `Local`;
 * a name only one side knows shows at dry run.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][-A-Za-z0-9_+]*(\/[-A-Za-z0-9_+]+)*$/.test(name) || name.toLowerCase() === 'local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const CronScheduleSchema = z.string().refine(isCronSchedule, msg('workload.cron'));
export const TimeZoneSchema = z.string().refine(isTimeZone, msg('workload.timeZone'));
