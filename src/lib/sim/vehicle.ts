import { angleDiffDeg, localBearingDeg, localDistanceM, type LocalPoint } from '../geo';

/** Where the guidance wants the vehicle to go this tick. */
export interface VehicleCommand {
	heading_deg: number;
	speed_mps: number;
	alt_m: number;
}

const G = 9.81;

/**
 * Point-mass multicopter: bounded turn rate (bank-limited), acceleration and climb rate.
 * Enough to give realistic tracks, roll in turns and overshoot at waypoints.
 */
export class Vehicle {
	north_m = 0;
	east_m = 0;
	alt_m = 0;
	heading_deg: number;
	speed_mps = 0;
	climb_mps = 0;
	yawRate_dps = 0;
	accel_mps2 = 0;
	/** Flown horizontal distance, m. */
	odometer_m = 0;

	constructor(
		heading_deg = 0,
		readonly maxTurnDps = 30,
		readonly maxAccel = 2,
		readonly maxClimb = 2.5
	) {
		this.heading_deg = heading_deg;
	}

	get position(): LocalPoint {
		return { north_m: this.north_m, east_m: this.east_m };
	}

	/** Bank angle for the current coordinated turn, degrees. */
	get roll_deg(): number {
		return (Math.atan((this.speed_mps * this.yawRate_dps * Math.PI) / 180 / G) * 180) / Math.PI;
	}

	/** Nose-down pitch grows with speed and acceleration, degrees. */
	get pitch_deg(): number {
		return -(this.speed_mps * 1.2 + this.accel_mps2 * 3);
	}

	step(dt: number, cmd: VehicleCommand): void {
		const err = angleDiffDeg(cmd.heading_deg, this.heading_deg);
		// Turn rate proportional to the error, capped: no instantaneous heading changes.
		const rate = Math.max(-this.maxTurnDps, Math.min(this.maxTurnDps, err * 1.5));
		this.yawRate_dps = rate;
		this.heading_deg = (this.heading_deg + rate * dt + 360) % 360;
		const dv = Math.max(
			-this.maxAccel * dt,
			Math.min(this.maxAccel * dt, cmd.speed_mps - this.speed_mps)
		);
		this.accel_mps2 = dv / dt;
		this.speed_mps += dv;
		const dz = Math.max(-this.maxClimb, Math.min(this.maxClimb, (cmd.alt_m - this.alt_m) * 0.8));
		this.climb_mps = dz;
		this.alt_m += dz * dt;
		const h = (this.heading_deg * Math.PI) / 180;
		this.north_m += Math.cos(h) * this.speed_mps * dt;
		this.east_m += Math.sin(h) * this.speed_mps * dt;
		this.odometer_m += this.speed_mps * dt;
	}

	/** Command toward a point; slows down within `slowRadius` to avoid orbiting it. */
	commandTo(target: LocalPoint, speed: number, alt: number, slowRadius = 15): VehicleCommand {
		const d = localDistanceM(this.position, target);
		return {
			heading_deg: localBearingDeg(this.position, target),
			speed_mps: d < slowRadius ? Math.max(1.5, (speed * d) / slowRadius) : speed,
			alt_m: alt
		};
	}
}
