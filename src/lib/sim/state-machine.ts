import { ALLOWED_TRANSITIONS, type SystemState } from '../contract';

/** Per-state timeouts to IDLE, seconds (pisad-domain.md §5). */
export const STATE_TIMEOUT_S: Partial<Record<SystemState, number>> = {
	SEARCHING: 300,
	DETECTING: 60,
	HOMING: 180,
	HOLDING: 120
};

export interface TransitionRecord {
	t_s: number;
	from_state: SystemState | null;
	to_state: SystemState;
	reason: string;
	forced: boolean;
	homing_enabled: boolean;
	action_duration_ms: number;
}

/**
 * The Pi's flight state machine: only ALLOWED_TRANSITIONS are accepted (anything else throws, so
 * a simulator bug cannot write an impossible history), plus state timeouts and the flags the
 * `state` message reports.
 */
export class StateMachine {
	state: SystemState | null = null;
	previous: SystemState = 'IDLE';
	enteredAt = 0;
	homingEnabled: boolean;
	detectionCount = 0;
	lastDetectionS: number | null = null;
	readonly history: TransitionRecord[] = [];

	constructor(homingEnabled: boolean) {
		this.homingEnabled = homingEnabled;
	}

	/** The first record (from_state NULL): the Pi's state machine starting up in IDLE. */
	init(tS: number, reason = 'System initialized'): TransitionRecord {
		this.state = 'IDLE';
		this.enteredAt = tS;
		return this.push(tS, null, 'IDLE', reason, false);
	}

	get current(): SystemState {
		if (this.state === null) throw new Error('state machine not initialised');
		return this.state;
	}

	allowed(): readonly SystemState[] {
		return ALLOWED_TRANSITIONS[this.current];
	}

	canGo(to: SystemState): boolean {
		return this.allowed().includes(to);
	}

	go(to: SystemState, tS: number, reason: string, forced = false): TransitionRecord {
		const from = this.current;
		if (!this.canGo(to)) throw new Error(`illegal transition ${from} -> ${to} (${reason})`);
		if (from === 'DETECTING' && to === 'HOMING' && !this.homingEnabled) {
			throw new Error('DETECTING -> HOMING needs homing enabled');
		}
		this.previous = from;
		this.state = to;
		this.enteredAt = tS;
		return this.push(tS, from, to, reason, forced);
	}

	/** "Timeout after 300.0s" when the current state has outlived its timeout, else null. */
	timeoutReason(tS: number): string | null {
		const limit = STATE_TIMEOUT_S[this.current];
		if (limit === undefined || tS - this.enteredAt < limit) return null;
		return `Timeout after ${limit.toFixed(1)}s`;
	}

	durationMs(tS: number): number {
		return Math.round((tS - this.enteredAt) * 1000);
	}

	private push(
		tS: number,
		from: SystemState | null,
		to: SystemState,
		reason: string,
		forced: boolean
	): TransitionRecord {
		// The Pi logs how long the transition's side effects took; a few ms.
		const duration = 2 + ((this.history.length * 7) % 11);
		const rec: TransitionRecord = {
			t_s: tS,
			from_state: from,
			to_state: to,
			reason,
			forced,
			homing_enabled: this.homingEnabled,
			action_duration_ms: duration
		};
		this.history.push(rec);
		return rec;
	}
}

/** The Pi's detection reason, e.g. "Signal detected at -65.0dBm with 70.0% confidence". */
export function detectionReason(rssiDbm: number, confidencePct: number): string {
	return `Signal detected at ${rssiDbm.toFixed(1)}dBm with ${confidencePct.toFixed(1)}% confidence`;
}
