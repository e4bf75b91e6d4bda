import type { VehicleTelemetryRow } from '../contract';
import { SITE, toLatLon } from '../geo';
import type { Rng } from './rng';
import type { Vehicle } from './vehicle';

/**
 * Sensors and housekeeping around the vehicle: GPS (σ ≈ 1.2 m, slowly wandering HDOP and
 * satellites), a 6S battery (25.2 V full → 19.2 V empty, current from hover + speed) and the
 * Pi's CPU/memory/temperature.
 */
export class TelemetryModel {
	private usedAh = 0;
	private sats: number;
	private hdop: number;
	private gpsErrN = 0;
	private gpsErrE = 0;
	private cpu = 35;
	private temp = 52;

	constructor(
		private readonly rng: Rng,
		readonly capacityAh: number
	) {
		this.sats = rng.int(11, 15);
		this.hdop = rng.range(0.7, 1.1);
	}

	/** Battery state of charge, 0..1. */
	get soc(): number {
		return Math.max(0, 1 - this.usedAh / this.capacityAh);
	}

	current(v: Vehicle): number {
		if (v.alt_m < 0.5 && v.speed_mps < 0.1) return 0.8;
		return 18 + 0.25 * v.speed_mps ** 2 + 2 * Math.max(0, v.climb_mps);
	}

	/** Advances battery, GPS error and system stats by dt seconds. */
	step(dt: number, v: Vehicle): void {
		this.usedAh += (this.current(v) * dt) / 3600;
		// First-order Gauss–Markov GPS error, ~1.2 m σ with a ~20 s correlation time.
		const k = dt / 20;
		const s = 1.2 * Math.sqrt(2 * k);
		this.gpsErrN += -k * this.gpsErrN + this.rng.normal(0, s);
		this.gpsErrE += -k * this.gpsErrE + this.rng.normal(0, s);
		if (this.rng.next() < dt / 30)
			this.sats = Math.max(10, Math.min(16, this.sats + this.rng.int(-1, 1)));
		this.hdop = Math.max(0.7, Math.min(1.5, this.hdop + this.rng.normal(0, 0.01 * Math.sqrt(dt))));
		this.cpu = Math.max(
			20,
			Math.min(85, this.cpu + this.rng.normal(0, 1.5 * Math.sqrt(dt)) + (40 - this.cpu) * 0.01)
		);
		this.temp = Math.max(
			45,
			Math.min(72, this.temp + (58 + this.cpu * 0.1 - this.temp) * 0.002 * dt)
		);
	}

	/** Pack voltage: a 6S LiPo discharge curve with sag under load. */
	voltage(v: Vehicle): number {
		const soc = this.soc;
		const cell = 3.2 + 0.8 * soc + 0.1 * Math.sin(Math.PI * soc) * (soc < 0.1 ? soc * 10 : 1);
		return Math.max(18, 6 * Math.min(4.2, cell) - 0.012 * this.current(v));
	}

	/** GPS-measured local position (what the Pi believes). */
	gpsPosition(v: Vehicle): { north_m: number; east_m: number } {
		return { north_m: v.north_m + this.gpsErrN, east_m: v.east_m + this.gpsErrE };
	}

	row(missionId: string, t: number, tRel: number, v: Vehicle, mode: string, armed: boolean) {
		const p = this.gpsPosition(v);
		const g = toLatLon(p);
		const row: VehicleTelemetryRow = {
			mission_id: missionId,
			t,
			t_rel_s: tRel,
			lat_deg: g.lat_deg,
			lon_deg: g.lon_deg,
			alt_amsl_m: SITE.alt_amsl_m + v.alt_m + this.rng.normal(0, 0.3),
			alt_rel_m: v.alt_m,
			north_m: p.north_m,
			east_m: p.east_m,
			groundspeed_mps: Math.max(0, v.speed_mps + this.rng.normal(0, 0.1)),
			climb_mps: v.climb_mps,
			heading_deg: Math.round(v.heading_deg * 10) / 10,
			roll_deg: v.roll_deg + this.rng.normal(0, 0.4),
			pitch_deg: v.pitch_deg + this.rng.normal(0, 0.4),
			yaw_deg: v.heading_deg > 180 ? v.heading_deg - 360 : v.heading_deg,
			battery_v: this.voltage(v),
			battery_a: this.current(v),
			battery_pct: Math.round(this.soc * 1000) / 10,
			gps_fix: '3D_FIX',
			gps_sats: this.sats,
			gps_hdop: Math.round(this.hdop * 100) / 100,
			flight_mode: mode,
			armed,
			cpu_pct: this.cpu,
			mem_pct: 41 + this.cpu * 0.05,
			cpu_temp_c: this.temp
		};
		return row;
	}
}
