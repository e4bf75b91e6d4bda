/**
 * Replay clock of the review page: the current moment, play/pause at 0.25×–64×, and the
 * brushed time range every panel zooms to. One requestAnimationFrame loop while playing.
 */
import { SPEEDS } from '$lib/transforms/replay';

export class Replay {
	/** Current moment, seconds since mission start. */
	t = $state(0);
	playing = $state(false);
	speed = $state<number>(1);
	/** Brushed time range [from, to] in s, or null for the whole mission. */
	range = $state<[number, number] | null>(null);
	/** Time under the pointer on any chart (null when not hovering): every panel shows it. */
	hover = $state<number | null>(null);
	/** Mission length in s. */
	duration = $state(0);
	#raf = 0;
	#last = 0;

	/** The moment every panel marks: the hovered time, else the replay time. */
	get cursor(): number {
		return this.hover ?? this.t;
	}

	/** Start playing (from the start when at the end). */
	play() {
		if (this.playing || typeof requestAnimationFrame === 'undefined') return;
		if (this.t >= this.duration) this.t = this.range?.[0] ?? 0;
		this.playing = true;
		this.#last = performance.now();
		const frame = (now: number) => {
			if (!this.playing) return;
			const dt = ((now - this.#last) / 1000) * this.speed;
			this.#last = now;
			const end = this.range?.[1] ?? this.duration;
			this.t = Math.min(end, this.t + dt);
			if (this.t >= end) this.playing = false;
			else this.#raf = requestAnimationFrame(frame);
		};
		this.#raf = requestAnimationFrame(frame);
	}

	pause() {
		this.playing = false;
		cancelAnimationFrame(this.#raf);
	}

	toggle() {
		if (this.playing) this.pause();
		else this.play();
	}

	/** Jump to a moment (clamped to the mission). */
	seek(t: number) {
		this.t = Math.max(0, Math.min(this.duration, t));
	}

	/** Step by `dt` seconds (arrow keys). */
	step(dt: number) {
		this.seek(this.t + dt);
	}

	/** Next faster (+1) or slower (−1) speed from SPEEDS. */
	shiftSpeed(dir: 1 | -1) {
		const i = SPEEDS.indexOf(this.speed as (typeof SPEEDS)[number]);
		const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + dir))];
		if (next !== undefined) this.speed = next;
	}

	/** Zoom every panel to [a, b] (null clears). */
	brush(r: [number, number] | null) {
		this.range = r && r[1] - r[0] > 0.5 ? [Math.min(...r), Math.max(...r)] : null;
	}

	/** Handle the replay keys; returns true when the key was used. */
	key(e: KeyboardEvent): boolean {
		const big = e.shiftKey ? 10 : 1;
		if (e.key === ' ') this.toggle();
		else if (e.key === 'ArrowRight') this.step(big);
		else if (e.key === 'ArrowLeft') this.step(-big);
		else if (e.key === 'ArrowUp' || e.key === '+') this.shiftSpeed(1);
		else if (e.key === 'ArrowDown' || e.key === '-') this.shiftSpeed(-1);
		else if (e.key === 'Escape') this.brush(null);
		else return false;
		return true;
	}

	destroy() {
		this.pause();
	}
}
