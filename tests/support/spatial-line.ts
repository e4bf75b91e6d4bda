/**
 * A synthetic mission for coverage's geometry check: telemetry along a straight 1 km line
 * (north from the origin, 10 m/s, 5 Hz, 50 m up), no RSSI. Rows are copied from a simulated
 * mission's first rows so every column has the contract's shape.
 */
import type { MissionTables } from '$lib/contract';
import { simulateMission } from '$lib/sim';

export function lineMission(id: string, lengthM = 1000): MissionTables {
	const { tables } = simulateMission({ seed: 1, scenario: 'open-field' });
	const mission = { ...(tables.mission[0] as MissionTables['mission'][number]), mission_id: id };
	const tel0 = tables.vehicle_telemetry[0] as MissionTables['vehicle_telemetry'][number];
	const vehicle_telemetry = Array.from({ length: Math.round(lengthM / 2) + 1 }, (_, k) => ({
		...tel0,
		mission_id: id,
		t: mission.started_at + k * 200,
		t_rel_s: k * 0.2,
		north_m: k * 2,
		east_m: 0,
		alt_rel_m: 50
	}));
	const empty = Object.fromEntries(
		Object.keys(tables).map((k) => [k, []])
	) as unknown as MissionTables;
	return { ...empty, mission: [mission], vehicle_telemetry };
}
