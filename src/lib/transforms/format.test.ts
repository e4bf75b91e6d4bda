import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatUtc, kpiValue } from './format';

describe('format', () => {
	it('formats durations', () => {
		expect(formatDuration(754)).toBe('12:34');
		expect(formatDuration(3725)).toBe('1:02:05');
		expect(formatDuration(null)).toBe('—');
	});
	it('formats numbers and missing values', () => {
		expect(formatNumber(-65.04, 1, 'dBm')).toBe('-65.0 dBm');
		expect(formatNumber(Number.NaN)).toBe('—');
	});
	it('formats UTC and kpi values', () => {
		expect(formatUtc(Date.UTC(2025, 7, 21, 1, 30, 0, 400))).toBe('2025-08-21 01:30:00Z');
		expect(kpiValue(1.5)).toBe('1.5');
		expect(kpiValue(Number.POSITIVE_INFINITY)).toBe('');
		expect(kpiValue(null)).toBe('');
	});
});
