import { isNullToken } from '../normalize/null-tokens.ts';
import { classifyValue, type ValueKinds } from './value-kind.ts';

export type ColumnType =
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'datetime'
  /** 民國 dates: 1081111, 108/11/11, 民國108年11月11日. */
  | 'roc-date'
  /** Digit strings that must stay strings: phone numbers, codes with leading zeros. */
  | 'code'
  /** Decimal degrees in Taiwan's range, or TWD97 TM2 metres. */
  | 'coordinate'
  | 'string';

export type CoordinateAxis = 'longitude' | 'latitude' | 'twd97-x' | 'twd97-y';

export interface InferredColumnType {
  type: ColumnType;
  /** For coordinates: which axis the values fit. */
  coordinateAxis?: CoordinateAxis;
  /** Values seen, nulls included. */
  count: number;
  nullCount: number;
  /** Distinct non-null values, counted up to `distinctCap`. */
  distinctCount: number;
  distinctCapped: boolean;
  /** Length (in characters) of the shortest and longest non-null value; 0 when all are null. */
  minLength: number;
  maxLength: number;
}

/** Ranges a coordinate column must stay in (Taiwan, Penghu, Kinmen, Matsu and the islands). */
const AXIS_RANGES: Record<CoordinateAxis, [number, number]> = {
  longitude: [114, 125],
  latitude: [10, 27],
  'twd97-x': [100_000, 400_000],
  'twd97-y': [2_400_000, 2_950_000],
};

export const DEFAULT_DISTINCT_CAP = 10_000;

type Candidate = Exclude<keyof ValueKinds, 'codeEvidence' | 'number'>;
const CANDIDATES: Candidate[] = ['boolean', 'integer', 'decimal', 'date', 'datetime', 'rocDate', 'code'];

/**
 * Infers a column's type from all its values, fed one at a time (no sampling, bounded
 * memory apart from the capped distinct set). Null tokens (empty, `-`, `無` …) do not vote.
 */
export class ColumnTypeInferrer {
  private readonly possible = new Set<Candidate>(CANDIDATES);
  private readonly axes = new Set<CoordinateAxis>(Object.keys(AXIS_RANGES) as CoordinateAxis[]);
  private readonly distinct = new Set<string>();
  private codeEvidence = false;
  private fractional = false;
  private count = 0;
  private nullCount = 0;
  private distinctCapped = false;
  private minLength = Number.POSITIVE_INFINITY;
  private maxLength = 0;

  constructor(private readonly distinctCap = DEFAULT_DISTINCT_CAP) {}

  add(raw: string | null | undefined): void {
    this.count++;
    if (isNullToken(raw)) {
      this.nullCount++;
      return;
    }
    const value = (raw as string).trim();
    this.minLength = Math.min(this.minLength, value.length);
    this.maxLength = Math.max(this.maxLength, value.length);
    if (!this.distinct.has(value)) {
      if (this.distinct.size < this.distinctCap) this.distinct.add(value);
      else this.distinctCapped = true;
    }
    if (this.possible.size === 0) return;
    const kinds = classifyValue(value);
    for (const candidate of this.possible) if (!kinds[candidate]) this.possible.delete(candidate);
    if (kinds.codeEvidence) this.codeEvidence = true;
    if (kinds.decimal && !kinds.integer) this.fractional = true;
    if (kinds.number !== undefined) {
      for (const axis of this.axes) {
        const [low, high] = AXIS_RANGES[axis];
        if (kinds.number < low || kinds.number > high) this.axes.delete(axis);
      }
    }
  }

  result(): InferredColumnType {
    const seen = this.count - this.nullCount;
    const type = seen === 0 ? 'string' : this.chooseType();
    const axis = type === 'coordinate' ? [...this.axes][0] : undefined;
    return {
      type,
      ...(axis ? { coordinateAxis: axis } : {}),
      count: this.count,
      nullCount: this.nullCount,
      distinctCount: this.distinct.size,
      distinctCapped: this.distinctCapped,
      minLength: seen === 0 ? 0 : this.minLength,
      maxLength: this.maxLength,
    };
  }

  private chooseType(): ColumnType {
    const can = (candidate: Candidate): boolean => this.possible.has(candidate);
    if (can('boolean')) return 'boolean';
    if (can('date')) return 'date';
    if (can('rocDate')) return 'roc-date';
    if (can('datetime')) return 'datetime';
    if (can('code') && this.codeEvidence) return 'code';
    if (can('integer')) return 'integer';
    if (can('decimal')) return this.fractional && this.axes.size > 0 ? 'coordinate' : 'decimal';
    return 'string';
  }
}
