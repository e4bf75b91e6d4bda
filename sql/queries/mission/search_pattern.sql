-- name: search_pattern
-- answers: The planned search of one mission for the map: pattern, boundary and waypoints.
-- params: $1 mission_id VARCHAR
-- returns: pattern_type, spacing_m (m), velocity_mps (m/s), altitude_m (m), boundary_geojson
--   (GeoJSON text or NULL), waypoints (LIST of {idx, lat_deg, lon_deg, reached_s (s since
--   mission start, NULL if never reached)} in idx order). No row when the mission has no pattern.
SELECT
  p.pattern_type,
  p.spacing_m,
  p.velocity_mps,
  p.altitude_m,
  p.boundary_geojson,
  COALESCE((
    SELECT list({
      'idx': w.idx, 'lat_deg': w.lat_deg, 'lon_deg': w.lon_deg,
      'reached_s': (epoch_us(w.reached_at) - epoch_us(m.started_at)) / 1e6
    } ORDER BY w.idx)
    FROM waypoint AS w
    WHERE w.mission_id = p.mission_id AND (w.pattern_id IS NOT DISTINCT FROM p.pattern_id)
  ), []) AS waypoints
FROM search_pattern AS p
JOIN mission AS m USING (mission_id)
WHERE p.mission_id = $1::VARCHAR
LIMIT 1
