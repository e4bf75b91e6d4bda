/**
 * Operator alerts from the live stream: detection, signal lost, the FR17 timeout (homing gives up
 * after 10 s without signal), low battery and link loss. Each alert fires on its edge, once.
 */
import { PI_SIGNAL } from '$lib/contract';

export interface Alert {
	id: number;
	/** Pi time (epoch ms) of the alert, or the local clock for link alerts. */
	t: number;
	kind: 'detection' | 'signal_lost' | 'fr17_timeout' | 'battery_low' | 'battery_critical' | 'link';
	level: 'info' | 'warn' | 'critical';
	text: string;
}

export const FR17_TIMEOUT_MS = 10_000;
/**
 * How long the Pi's detection must stay off before "Signal lost" is raised. A pulsed beacon near
 * the edge of its trigger level makes the Pi's debounced state flap every second or two; an
 * alert per flap would bury the ones that matter. A re-detection within this time raises nothing.
 */
export const SIGNAL_LOST_GRACE_MS = 3_000;

export class AlertTracker {
	list: Alert[] = [];
	#n = 0;
	#detected = false;
	/** Pi time the detection went off, while "Signal lost" is not raised yet. */
	#lostAt: number | null = null;
	/** True from "Beacon detected" until "Signal lost" is raised. */
	#announced = false;
	#lastSignalT: number | null = null;
	#fr17Fired = false;
	#battery = 0;

	#push(a: Omit<Alert, 'id'>) {
		this.list.unshift({ ...a, id: ++this.#n });
		if (this.list.length > 30) this.list.length = 30;
	}

	/** Feed each RSSI sample (Pi time, SNR, debounced detection state, current Pi state). */
	sample(t: number, snr: number | null, detected: boolean | null, state: string | null) {
		if (detected && !this.#detected) {
			this.#lostAt = null;
			if (!this.#announced)
				this.#push({
					t,
					kind: 'detection',
					level: 'info',
					text: `Beacon detected (SNR ${snr?.toFixed(1) ?? '?'} dB)`
				});
			this.#announced = true;
		}
		if (!detected && this.#detected) this.#lostAt = t;
		if (!detected && this.#lostAt !== null && t - this.#lostAt >= SIGNAL_LOST_GRACE_MS) {
			this.#push({ t: this.#lostAt, kind: 'signal_lost', level: 'warn', text: 'Signal lost' });
			this.#lostAt = null;
			this.#announced = false;
		}
		this.#detected = Boolean(detected);
		if (snr !== null && snr > PI_SIGNAL.snrDropDb) {
			this.#lastSignalT = t;
			this.#fr17Fired = false;
		}
		const homing = state === 'HOMING';
		if (homing && !this.#fr17Fired && this.#lastSignalT !== null) {
			if (t - this.#lastSignalT >= FR17_TIMEOUT_MS) {
				this.#fr17Fired = true;
				this.#push({
					t,
					kind: 'fr17_timeout',
					level: 'critical',
					text: 'FR17: 10 s without signal while homing, homing disables'
				});
			}
		}
	}

	battery(t: number, pct: number | null) {
		if (pct === null) return;
		if (pct < 20 && this.#battery < 2) {
			this.#battery = 2;
			this.#push({ t, kind: 'battery_critical', level: 'critical', text: `Battery ${pct}%` });
		} else if (pct < 30 && this.#battery < 1) {
			this.#battery = 1;
			this.#push({ t, kind: 'battery_low', level: 'warn', text: `Battery low: ${pct}%` });
		}
	}

	link(t: number, text: string, level: Alert['level'] = 'warn') {
		this.#push({ t, kind: 'link', level, text });
	}
}
