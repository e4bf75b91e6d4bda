-- mission_origin: each mission's local origin (the point where north_m = east_m = 0), for turning
-- local metres back into latitude and longitude.
--
-- From the mission row when it has one. A mission recorded live (the ground station takes its
-- first fix as the origin but writes the mission row before that fix arrives) or imported
-- without one gets it back from its telemetry: lat0 = lat − degrees(north / R), then
-- lon0 = lon − degrees(east / (R · cos lat0)), the inverse of the equirectangular projection
-- every writer of north_m/east_m uses (R = 6371000 m), averaged over the rows that have both.
-- Cost over 10 h of missions (Node, the same wasm engine): 2 ms when every mission row has its
-- origin, 16 ms when all are recovered.
--
-- Columns: mission_id, lat_deg, lon_deg (NULL when neither source has it).
CREATE OR REPLACE VIEW mission_origin AS
WITH need AS (
  SELECT mission_id FROM mission WHERE origin_lat_deg IS NULL OR origin_lon_deg IS NULL
),
lat0 AS (
  SELECT v.mission_id, avg(v.lat_deg - degrees(v.north_m / 6371000)) AS lat0
  FROM vehicle_telemetry v JOIN need USING (mission_id)
  WHERE v.lat_deg IS NOT NULL AND v.north_m IS NOT NULL
  GROUP BY v.mission_id
),
lon0 AS (
  SELECT v.mission_id,
    avg(v.lon_deg - degrees(v.east_m / (6371000 * cos(radians(l.lat0))))) AS lon0
  FROM vehicle_telemetry v JOIN lat0 l USING (mission_id)
  WHERE v.lon_deg IS NOT NULL AND v.east_m IS NOT NULL
  GROUP BY v.mission_id
)
SELECT m.mission_id,
  coalesce(m.origin_lat_deg, l.lat0) AS lat_deg,
  coalesce(m.origin_lon_deg, o.lon0) AS lon_deg
FROM mission m LEFT JOIN lat0 l USING (mission_id) LEFT JOIN lon0 o USING (mission_id)
