/**
 * The beacon's posterior map of one mission (issue 16, $lib/beacon): its pulse peaks, origin and
 * search boundary from SQL, the posterior computed in TypeScript (~0.25 s for a 1-hour sortie).
 */
import { beaconPosterior, type BeaconPosterior } from '$lib/beacon';
import type { Db } from '$lib/db/types';
import { toLocal, type LatLon, type LocalPoint } from '$lib/geo';
import { searchPattern } from '$lib/queries/search-pattern';
import { beaconObservations } from '$lib/queries/spatial-beacon-observations';
import { missionOrigin } from '$lib/queries/spatial-mission-origin';
import { patternFeatures } from '$lib/transforms/map-features';

/** The posterior of a mission, or null without an origin or enough pulses. */
export async function posteriorOf(db: Db, missionId: string): Promise<BeaconPosterior | null> {
	const origin = await missionOrigin(db, missionId);
	if (!origin) return null;
	const obs = await beaconObservations(db, missionId);
	const boundary = boundaryOf(await searchPattern(db, missionId), origin);
	return beaconPosterior(obs, origin, boundary);
}

/** The search boundary's outer ring in local metres (null when the mission has none). */
function boundaryOf(
	pattern: Parameters<typeof patternFeatures>[0],
	origin: LatLon
): LocalPoint[] | null {
	const ring = patternFeatures(pattern).boundary.features[0]?.geometry.coordinates[0];
	return ring?.length
		? ring.map(([lon, lat]) => toLocal({ lat_deg: lat, lon_deg: lon }, origin))
		: null;
}
