import { describe, expect, test } from 'vitest';
import { parsePiAddress } from './address';
import { isKnown, missedTransitions, parseHistory } from './backfill';
import { backoffDelay } from './link';
import { RecentKeys, parseFrame, parsePiTime } from './protocol';

describe('Pi timestamps', () => {
	test('naive = UTC, keeps microseconds; +00:00 and Z read the same', () => {
		const ms = Date.parse('2025-08-21T01:38:16Z');
		expect(parsePiTime('2025-08-21T01:38:16.400509')).toBeCloseTo(ms + 400.509, 6);
		expect(parsePiTime('2025-08-21T01:38:16.400509+00:00')).toBeCloseTo(ms + 400.509, 6);
		expect(parsePiTime('2025-08-21T01:38:16')).toBe(ms);
		expect(parsePiTime('yesterday')).toBeNull();
		expect(parsePiTime(12)).toBeNull();
	});
});

describe('frames', () => {
	test('rssi becomes a message keyed on type + timestamp', () => {
		const p = parseFrame(
			'{"type":"rssi","data":{"rssi":-80.5,"noiseFloor":-100,"snr":19.5,"confidence":68.75,"timestamp":"2025-08-21T01:31:00.000383"}}'
		);
		expect(p.kind).toBe('message');
		if (p.kind === 'message') {
			expect(p.msg).toMatchObject({ type: 'rssi', rssi: -80.5, snr: 19.5 });
			expect(p.key).toBe('rssi|2025-08-21T01:31:00.000383');
		}
	});

	test('malformed frames are reported, never thrown', () => {
		for (const f of [
			'{"type":"rssi","data":{"rssi":',
			'not json at all',
			'{"type":"rssi"}',
			'{"type":"rssi","data":{"rssi":"NaN","timestamp":"yesterday"}}',
			'[1,2,3]'
		])
			expect(parseFrame(f).kind).toBe('malformed');
	});

	test('unknown types and flat messages (config, frequency_changed) are ignored', () => {
		expect(parseFrame('{"type":"future_message_type","data":{"x":1}}').kind).toBe('ignored');
		expect(parseFrame('{"type":"config","action":"profile_activated","profile":{}}').kind).toBe(
			'ignored'
		);
		expect(
			parseFrame('{"type":"frequency_changed","profile_name":"x","frequency_hz":433e6}').kind
		).toBe('ignored');
	});

	test('de-dup remembers a bounded number of keys', () => {
		const k = new RecentKeys(2);
		expect([k.add('a'), k.add('a'), k.add('b'), k.add('c'), k.add('a')]).toEqual([
			true,
			false,
			true,
			true,
			true
		]);
	});
});

describe('link and history', () => {
	test('backoff grows exponentially, capped, with jitter', () => {
		expect(backoffDelay(0, 250, 5000, () => 1)).toBe(250);
		expect(backoffDelay(3, 250, 5000, () => 1)).toBe(2000);
		expect(backoffDelay(10, 250, 5000, () => 1)).toBe(5000);
		expect(backoffDelay(10, 250, 5000, () => 0)).toBe(100);
	});

	test('addresses', () => {
		expect(parsePiAddress('192.168.4.1')?.ws).toBe('ws://192.168.4.1:8000/ws');
		expect(parsePiAddress('http://pi.local:8080/')?.hostPort).toBe('pi.local:8080');
		expect(parsePiAddress('')).toBeNull();
	});

	test('history rows already recorded (within 250 ms) are not backfilled again', () => {
		const h = parseHistory({
			history: [
				{ from_state: 'SEARCHING', to_state: 'DETECTING', timestamp: '2025-08-21T01:35:00+00:00' },
				{ from_state: 'IDLE', to_state: 'SEARCHING', timestamp: '2025-08-21T01:31:00+00:00' },
				{ bad: true }
			]
		});
		expect(h.map((r) => r.to_state)).toEqual(['SEARCHING', 'DETECTING']);
		const known = [{ t: (h[0]?.t ?? 0) + 0.2, from_state: 'IDLE', to_state: 'SEARCHING' }];
		expect(isKnown(known, h[0] as (typeof h)[number])).toBe(true);
		expect(missedTransitions(h, known, 0).map((r) => r.to_state)).toEqual(['DETECTING']);
	});

	test('two transitions of the same pair 0.6 s apart are two transitions', () => {
		const h = parseHistory({
			history: [
				{
					from_state: 'DETECTING',
					to_state: 'SEARCHING',
					timestamp: '2025-08-21T01:35:00.6+00:00'
				},
				{ from_state: 'DETECTING', to_state: 'SEARCHING', timestamp: '2025-08-21T01:35:00+00:00' }
			]
		});
		const known = [{ t: (h[0]?.t ?? 0) + 0.3, from_state: 'DETECTING', to_state: 'SEARCHING' }];
		expect(missedTransitions(h, known, 0)).toHaveLength(1);
	});
});
