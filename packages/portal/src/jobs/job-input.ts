import { AppError } from '../errors/app-error.ts';
import { JOB_DEFAULTS, type SendOptions } from './job-queue.ts';

/** Job names: what pg-boss accepts as a queue name, so both implementations take the same. */
const JOB_NAME = /^[\w.\-/]{1,100}$/;

/** Send options with every default filled in and every value checked. */
export interface ResolvedSendOptions {
  singletonKey: string | null;
  startAfter: Date | null;
  priority: number;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
}

export function checkJobName(name: string): void {
  if (!JOB_NAME.test(name)) {
    throw new AppError(
      'JOB_INVALID',
      `Job name ${JSON.stringify(name)} must be 1–100 letters, digits, '.', '_', '-' or '/'`,
    );
  }
}

function wholeNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('JOB_INVALID', `${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function startAfterOf(value: Date | number | undefined, now: Date): Date | null {
  if (value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new AppError('JOB_INVALID', 'startAfter is not a valid date');
    return value;
  }
  if (!Number.isFinite(value) || value < 0) {
    throw new AppError('JOB_INVALID', 'startAfter must be a date or a number of seconds from now');
  }
  return new Date(now.getTime() + value * 1000);
}

export function resolveSendOptions(options: SendOptions = {}, now: Date = new Date()): ResolvedSendOptions {
  const key = options.singletonKey;
  if (key !== undefined && (key.length === 0 || key.length > 500)) {
    throw new AppError('JOB_INVALID', 'singletonKey must be 1–500 characters');
  }
  return {
    singletonKey: key ?? null,
    startAfter: startAfterOf(options.startAfter, now),
    priority: wholeNumber('priority', options.priority ?? JOB_DEFAULTS.priority, -1000, 1000),
    retryLimit: wholeNumber('retryLimit', options.retryLimit ?? JOB_DEFAULTS.retryLimit, 0, 1000),
    retryDelaySeconds: wholeNumber(
      'retryDelaySeconds',
      options.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds,
      0,
      86_400,
    ),
    expireInSeconds: wholeNumber(
      'expireInSeconds',
      options.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
      1,
      86_400,
    ),
  };
}

/** The payload as stored: a JSON object (or null). */
export function checkJobData(data: object | null | undefined): object | null {
  if (data === undefined || data === null) return null;
  if (Array.isArray(data) || typeof data !== 'object') {
    throw new AppError('JOB_INVALID', 'A job payload must be a JSON object');
  }
  return data;
}
