/**
 * The Pi's computed signal columns, filled in when a source lacks them, with the Pi's own chain
 * (src/lib/signal). Sources record `rssi_dbm` AFTER the Pi's EWMA, so the chain runs with
 * α = 1 (EWMA off): the noise floor is then the p10 of the last 100 recorded values, exactly as
 * on the Pi, and SNR, trigger, debounce and confidence follow from it.
 */
import { PI_SIGNAL } from '$lib/contract';
import { PiSignalChain, confidenceFromSnr } from '$lib/signal';
import { info } from './quality';
import type { DraftNote, TimedRow } from './types';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Fill noise_floor_dbm, snr_db, above_trigger, detected and confidence_pct where the source
 * has none (rows sorted by time, rssi_dbm valid). Recorded values are kept as they are.
 */
export function fillSignal(rows: TimedRow[], file: string, notes: DraftNote[]): void {
	if (rows.length === 0) return;
	const has = (c: string): boolean => rows.some((r) => r[c] !== null && r[c] !== undefined);
	const computed: string[] = [];
	if (!has('noise_floor_dbm') && has('snr_db')) {
		for (const r of rows)
			r.noise_floor_dbm = isNum(r.snr_db) ? (r.rssi_dbm as number) - r.snr_db : null;
		computed.push('noise_floor_dbm = rssi_dbm − snr_db');
	}
	if (!has('noise_floor_dbm')) {
		const chain = new PiSignalChain({ ewmaAlpha: 1 });
		const keepDetected = has('detected');
		for (const r of rows) {
			const o = chain.push(r.rssi_dbm as number);
			r.noise_floor_dbm = o.noise_floor_dbm;
			r.snr_db = o.snr_db;
			if (!keepDetected) r.detected = o.detected;
		}
		computed.push(
			`noise_floor_dbm and snr_db with the Pi's chain (p10 of the last ${PI_SIGNAL.noiseWindowSamples} samples)`
		);
		if (!keepDetected)
			computed.push("detected with the Pi's debounce (3 in above 12 dB, 5 out at ≤ 6 dB)");
	}
	if (!has('snr_db')) {
		for (const r of rows)
			r.snr_db = isNum(r.noise_floor_dbm) ? (r.rssi_dbm as number) - r.noise_floor_dbm : null;
		computed.push('snr_db = rssi_dbm − noise_floor_dbm');
	}
	if (!has('above_trigger'))
		for (const r of rows)
			r.above_trigger = isNum(r.snr_db) ? r.snr_db > PI_SIGNAL.snrTriggerDb : null;
	if (!has('detected')) {
		const d = debounce(rows.map((r) => (isNum(r.snr_db) ? r.snr_db : -Infinity)));
		rows.forEach((r, i) => (r.detected = d[i] ?? false));
		computed.push("detected with the Pi's debounce from the recorded SNR");
	}
	if (!has('confidence_pct')) {
		for (const r of rows) r.confidence_pct = isNum(r.snr_db) ? confidenceFromSnr(r.snr_db) : null;
		computed.push('confidence_pct = clamp(50 + 2.5·(SNR − 12), 0, 100)');
	}
	rows.forEach((r, i) => (r.seq = i));
	if (computed.length)
		info(notes, file, `computed (not in the source): ${computed.join('; ')}`, rows.length);
}

/** The Pi's detection debounce over an SNR series (see PiSignalChain step 4). */
export function debounce(snr: number[]): boolean[] {
	let detected = false;
	let up = 0;
	let down = 0;
	return snr.map((s) => {
		if (!detected) {
			up = s > PI_SIGNAL.snrTriggerDb ? up + 1 : 0;
			if (up >= PI_SIGNAL.debounceIn) {
				detected = true;
				up = 0;
				down = 0;
			}
		} else {
			down = s <= PI_SIGNAL.snrDropDb ? down + 1 : 0;
			if (down >= PI_SIGNAL.debounceOut) {
				detected = false;
				up = 0;
				down = 0;
			}
		}
		return detected;
	});
}

/**
 * Detection events at each rising edge of `detected` (as the Pi logs one per detection), with
 * the position as of that time from `telemetry` (sorted by t).
 */
export function deriveDetections(rssi: TimedRow[], telemetry: TimedRow[]): TimedRow[] {
	const out: TimedRow[] = [];
	let j = -1;
	let prev = false;
	for (const r of rssi) {
		const d = r.detected === true;
		if (d && !prev) {
			while (j + 1 < telemetry.length && telemetry[j + 1]!.t <= r.t) j++;
			const pos = findPos(telemetry, j);
			out.push({
				t: r.t,
				detection_id: out.length + 1,
				frequency_hz: r.frequency_hz ?? null,
				rssi_dbm: r.rssi_dbm ?? null,
				snr_db: r.snr_db ?? null,
				confidence_pct: r.confidence_pct ?? null,
				lat_deg: pos?.lat_deg ?? null,
				lon_deg: pos?.lon_deg ?? null,
				system_state: r.system_state ?? null
			});
		}
		prev = d;
	}
	return out;
}

/** The last row at or before index j with a position. */
function findPos(rows: TimedRow[], j: number): TimedRow | null {
	for (let k = j; k >= 0; k--)
		if (isNum(rows[k]!.lat_deg) && isNum(rows[k]!.lon_deg)) return rows[k]!;
	return null;
}

/** Fill `system_state` of rows (sorted) from state transitions as of each row's time. */
export function stateAsOf(rows: TimedRow[], transitions: TimedRow[]): void {
	if (transitions.length === 0 || rows.some((r) => r.system_state)) return;
	let j = -1;
	for (const r of rows) {
		while (j + 1 < transitions.length && transitions[j + 1]!.t <= r.t) j++;
		r.system_state =
			j >= 0
				? (transitions[j]!.to_state as string)
				: ((transitions[0]!.from_state as string) ?? null);
	}
}
