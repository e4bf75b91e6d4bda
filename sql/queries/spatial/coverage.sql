-- coverage: how much ground the search covered, with a given detection range.
--
-- A cell (cell_m grid aligned on the mission origin) counts as covered when its centre lies
-- within detection_range_m of a visited cell's centre: the visited cells (those holding an
-- airborne telemetry point, alt_rel_m > 5) are dilated by a disc of cell offsets (i, j) with
-- hypot(i, j)·cell_m ≤ detection_range_m, generated per query, and the union is counted.
-- Error against the exact union of discs around the track is about ±cell_m/2 along the
-- outline, a few % at 25 m cells and a 150 m range.
-- Default detection range 150 m: where a 10 dBm beacon stays above the Pi's 12 dB trigger
-- in open terrain (pisad-domain.md §7: ~290 m half-detection radius; 150 m is the range the
-- crew can count on through shadowing, not the best case). Pass 500 to check FR1's range.
--
-- Params:
--   $1 mission_id VARCHAR, NULL = every mission
--   $2 cell_m DOUBLE (> 0), 25 by default
--   $3 detection_range_m DOUBLE (≥ 0), 150 by default
-- Columns: mission_id, visited_cells, covered_cells, covered_km2, search_area_km2,
--   covered_pct (of mission.search_area_km2, NULL when unknown; can exceed 100 because the
--   range reaches beyond the boundary), flight_h (airborne hours), km2_per_h
WITH v AS (
  SELECT
    mission_id,
    floor(north_m / $2::DOUBLE)::BIGINT AS i,
    floor(east_m / $2::DOUBLE)::BIGINT AS j
  FROM vehicle_telemetry
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
    AND north_m IS NOT NULL AND east_m IS NOT NULL AND alt_rel_m > 5
  GROUP BY ALL
),
r AS (SELECT ceil($3::DOUBLE / $2::DOUBLE)::BIGINT AS k),
disc AS (
  SELECT di, dj
  FROM r, range(-r.k, r.k + 1) AS a(di), range(-r.k, r.k + 1) AS b(dj)
  WHERE (di * di + dj * dj) * $2::DOUBLE * $2::DOUBLE <= $3::DOUBLE * $3::DOUBLE
),
cov AS (
  SELECT mission_id, count(*) AS covered_cells
  FROM (SELECT DISTINCT v.mission_id, v.i + d.di AS i, v.j + d.dj AS j FROM v, disc d)
  GROUP BY mission_id
),
fl AS (
  SELECT mission_id, (max(t_rel_s) - min(t_rel_s)) / 3600 AS flight_h
  FROM vehicle_telemetry
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR) AND alt_rel_m > 5
  GROUP BY mission_id
)
SELECT
  cov.mission_id,
  (SELECT count(*) FROM v WHERE v.mission_id = cov.mission_id) AS visited_cells,
  covered_cells,
  covered_cells * $2::DOUBLE * $2::DOUBLE / 1e6 AS covered_km2,
  m.search_area_km2,
  100 * covered_cells * $2::DOUBLE * $2::DOUBLE / 1e6 / nullif(m.search_area_km2, 0) AS covered_pct,
  fl.flight_h,
  covered_cells * $2::DOUBLE * $2::DOUBLE / 1e6 / nullif(fl.flight_h, 0) AS km2_per_h
FROM cov
JOIN fl USING (mission_id)
LEFT JOIN mission m USING (mission_id)
ORDER BY cov.mission_id
