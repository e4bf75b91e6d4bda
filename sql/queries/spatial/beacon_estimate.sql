-- beacon_estimate: where is the beacon, and how sure is that.
--
-- Fits the log-distance path-loss model RSSI = A − 10·n·log10(d) over candidate beacon
-- positions on the ground (d: slant distance from the drone at alt_rel_m), closed-form least
-- squares per candidate with n held inside [n_min, n_max]; the estimate is the candidate of least
-- squared error. Samples are pulse peaks averaged per cell of cell_m (each cell counts once: the
-- shadowing is spatially correlated). Stage 1 fits cells with measured SNR ≥ min_snr_db on a
-- coarse grid, then finer; stage 2 refits on the pulses where stage 1's model predicts
-- ≥ sel_snr_db over the median noise floor (selection by position, not by measurement).
-- uncertainty_m: farthest stage-1 candidate within the 99 % χ²(2) bound of the minimum,
-- inflated for correlated cells, at least coarse_m/5.
--
-- Measured (100 simulated open-field missions): median error 17.8 m, mean 22.0 m; the radius
-- covers the truth in 83–100 % depending on the seed set. Method, figures per seed set and
-- every alternative tried (and why none was adopted): docs/beacon-estimate.md.
--
-- Params:
--   $1 mission_id VARCHAR, NULL = every mission
--   $2 pulse_period_s DOUBLE: beacon pulse period (1 for the reference beacon); 0 = every sample
--   $3 min_snr_db DOUBLE: stage 1, measured SNR a pulse peak needs to count (6 by default)
--   $4 cell_m DOUBLE: averaging cell (20 by default)
--   $5 coarse_m DOUBLE: level-1 grid spacing (25 by default)
--   $6 n_min, $7 n_max DOUBLE: bounds of the fitted exponent (1 and 5 by default)
--   $8 sel_snr_db DOUBLE: stage 2, predicted SNR (dB over the median noise floor) a pulse's
--      position needs to count (12 by default)
-- Columns (one row per mission with beacon signal in at least one cell: a mission without any
-- returns no row; with fewer than 5 stage-1 cells the estimate columns are NULL): mission_id,
--   n_used (pulse peaks in the final fit, stage 1's when there is none), n_cells (cells in
--   the final fit), est_north_m, est_east_m, est_lat_deg, est_lon_deg, uncertainty_m (m),
--   path_loss_exponent (n), a_db (A, dBm at 1 m), rmse_db (cell residual RMS, dB)
WITH pk AS (
  SELECT
    mission_id,
    max(rssi_dbm) AS rssi,
    arg_max({'n': north_m, 'e': east_m, 'alt': alt_rel_m, 'snr': snr_db}, rssi_dbm) AS p
  FROM rssi_geo
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
    AND north_m IS NOT NULL AND east_m IS NOT NULL AND rssi_dbm IS NOT NULL
  GROUP BY mission_id, CASE WHEN $2::DOUBLE > 0 THEN floor(t_rel_s / $2::DOUBLE) ELSE seq END
),
p0 AS (
  SELECT mission_id, rssi, p.n AS n, p.e AS e, coalesce(p.alt, 0) AS alt, p.snr AS snr FROM pk
),
nf AS (
  -- The receiver's noise level: the median noise floor over the mission (most of a search is
  -- out of the beacon's range).
  SELECT mission_id, median(noise_floor_dbm) AS nf
  FROM rssi_sample
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
  GROUP BY mission_id
),
u AS (
  SELECT mission_id, avg(rssi) AS rssi, avg(n) AS n, avg(e) AS e, avg(alt) AS alt, count(*) AS w
  FROM p0
  WHERE snr >= $3::DOUBLE
  GROUP BY mission_id, floor(n / $4::DOUBLE), floor(e / $4::DOUBLE)
),
bb AS (
  SELECT
    mission_id, sum(w) AS n_sel, count(*) AS k,
    count(DISTINCT (floor(n / 50), floor(e / 50))) AS k_eff,
    -- Level 1 searches 250 m around the strongest cell: the beacon is near the RSSI peak, and a
    -- box over the whole track would cost 10x more candidates on a long mission.
    arg_max(n, rssi) - 250 AS n0, arg_max(n, rssi) + 250 AS n1,
    arg_max(e, rssi) - 250 AS e0, arg_max(e, rssi) + 250 AS e1
  FROM u GROUP BY mission_id
),
c1 AS (
  SELECT mission_id, n0 + i * $5::DOUBLE AS cn, e0 + j * $5::DOUBLE AS ce
  FROM bb,
    LATERAL (SELECT unnest(range(0, ceil((n1 - n0) / $5::DOUBLE)::BIGINT + 1)) AS i),
    LATERAL (SELECT unnest(range(0, ceil((e1 - e0) / $5::DOUBLE)::BIGINT + 1)) AS j)
  WHERE k >= 5
),
r1 AS (
  -- Least squares of rssi on ld with the slope (−10·n) held inside [−10·n_max, −10·n_min].
  SELECT *, syy - 2 * slope * sxy + slope * slope * sxx AS sse, my - slope * mx AS a
  FROM (
    SELECT *, greatest(-10 * $7::DOUBLE, least(-10 * $6::DOUBLE, sxy / sxx)) AS slope
    FROM (
      SELECT u.mission_id, u.cn, u.ce,
        regr_sxx(u.rssi, u.ld) AS sxx, regr_sxy(u.rssi, u.ld) AS sxy, regr_syy(u.rssi, u.ld) AS syy,
        regr_avgx(u.rssi, u.ld) AS mx, regr_avgy(u.rssi, u.ld) AS my
      FROM (
        SELECT c.mission_id, c.cn, c.ce, u.rssi,
          log10(sqrt((u.n - c.cn) ^ 2 + (u.e - c.ce) ^ 2 + u.alt ^ 2 + 1)) AS ld
        FROM c1 c JOIN u USING (mission_id)
      ) u
      GROUP BY ALL
    )
  )
),
b1 AS (
  SELECT mission_id, arg_min({'cn': cn, 'ce': ce}, sse) AS b FROM r1 GROUP BY mission_id
),
c2 AS (
  SELECT mission_id, b.cn + dn * $5::DOUBLE / 5 AS cn, b.ce + de * $5::DOUBLE / 5 AS ce
  FROM b1, range(-7, 8) AS a(dn), range(-7, 8) AS b(de)
),
r2 AS (
  SELECT *, syy - 2 * slope * sxy + slope * slope * sxx AS sse, my - slope * mx AS a
  FROM (
    SELECT *, greatest(-10 * $7::DOUBLE, least(-10 * $6::DOUBLE, sxy / sxx)) AS slope
    FROM (
      SELECT u.mission_id, u.cn, u.ce,
        regr_sxx(u.rssi, u.ld) AS sxx, regr_sxy(u.rssi, u.ld) AS sxy, regr_syy(u.rssi, u.ld) AS syy,
        regr_avgx(u.rssi, u.ld) AS mx, regr_avgy(u.rssi, u.ld) AS my
      FROM (
        SELECT c.mission_id, c.cn, c.ce, u.rssi,
          log10(sqrt((u.n - c.cn) ^ 2 + (u.e - c.ce) ^ 2 + u.alt ^ 2 + 1)) AS ld
        FROM c2 c JOIN u USING (mission_id)
      ) u
      GROUP BY ALL
    )
  )
),
b2 AS (
  SELECT mission_id, arg_min({'cn': cn, 'ce': ce, 'slope': slope, 'a': a}, sse) AS b,
    min(sse) AS sse
  FROM r2 GROUP BY mission_id
),
v AS (
  -- Stage 2: the pulses where the stage-1 model predicts at least sel_snr_db over the noise,
  -- whatever their measured SNR (selection on position, not on the measurement).
  SELECT p0.mission_id, avg(p0.rssi) AS rssi, avg(p0.n) AS n, avg(p0.e) AS e, avg(p0.alt) AS alt,
    count(*) AS w
  FROM p0 JOIN b2 USING (mission_id) JOIN nf USING (mission_id)
  WHERE b2.b.a + b2.b.slope * log10(sqrt((p0.n - b2.b.cn) ^ 2 + (p0.e - b2.b.ce) ^ 2 + p0.alt ^ 2 + 1))
    - nf.nf >= $8::DOUBLE
  GROUP BY p0.mission_id, floor(p0.n / $4::DOUBLE), floor(p0.e / $4::DOUBLE)
),
c3 AS (
  SELECT mission_id, b.cn + dn * $5::DOUBLE / 5 AS cn, b.ce + de * $5::DOUBLE / 5 AS ce
  FROM b2, range(-7, 8) AS a(dn), range(-7, 8) AS b(de)
),
r3 AS (
  SELECT *, syy - 2 * slope * sxy + slope * slope * sxx AS sse, my - slope * mx AS a
  FROM (
    SELECT *, greatest(-10 * $7::DOUBLE, least(-10 * $6::DOUBLE, sxy / sxx)) AS slope
    FROM (
      SELECT u.mission_id, u.cn, u.ce,
        regr_sxx(u.rssi, u.ld) AS sxx, regr_sxy(u.rssi, u.ld) AS sxy, regr_syy(u.rssi, u.ld) AS syy,
        regr_avgx(u.rssi, u.ld) AS mx, regr_avgy(u.rssi, u.ld) AS my
      FROM (
        SELECT c.mission_id, c.cn, c.ce, u.rssi,
          log10(sqrt((u.n - c.cn) ^ 2 + (u.e - c.ce) ^ 2 + u.alt ^ 2 + 1)) AS ld
        FROM c3 c JOIN v u USING (mission_id)
      ) u
      GROUP BY ALL
    )
  )
),
b3 AS (
  SELECT mission_id, arg_min({'cn': cn, 'ce': ce}, sse) AS b FROM r3 GROUP BY mission_id
),
c4 AS (
  SELECT mission_id, b.cn + dn * $5::DOUBLE / 25 AS cn, b.ce + de * $5::DOUBLE / 25 AS ce
  FROM b3, range(-7, 8) AS a(dn), range(-7, 8) AS b(de)
),
r4 AS (
  SELECT *, syy - 2 * slope * sxy + slope * slope * sxx AS sse, my - slope * mx AS a
  FROM (
    SELECT *, greatest(-10 * $7::DOUBLE, least(-10 * $6::DOUBLE, sxy / sxx)) AS slope
    FROM (
      SELECT u.mission_id, u.cn, u.ce,
        regr_sxx(u.rssi, u.ld) AS sxx, regr_sxy(u.rssi, u.ld) AS sxy, regr_syy(u.rssi, u.ld) AS syy,
        regr_avgx(u.rssi, u.ld) AS mx, regr_avgy(u.rssi, u.ld) AS my, count(*) AS k
      FROM (
        SELECT c.mission_id, c.cn, c.ce, u.rssi,
          log10(sqrt((u.n - c.cn) ^ 2 + (u.e - c.ce) ^ 2 + u.alt ^ 2 + 1)) AS ld
        FROM c4 c JOIN v u USING (mission_id)
      ) u
      GROUP BY ALL
    )
  )
),
best AS (
  SELECT mission_id, arg_min({'cn': cn, 'ce': ce, 'slope': slope, 'a': a, 'k': k}, sse) AS b,
    min(sse) AS sse
  FROM r4 GROUP BY mission_id
),
nu AS (
  SELECT mission_id, sum(w) AS n_used FROM v GROUP BY mission_id
),
unc AS (
  SELECT r.mission_id,
    max(sqrt((r.cn - best.b.cn) ^ 2 + (r.ce - best.b.ce) ^ 2)) AS radius_m
  FROM (SELECT mission_id, cn, ce, sse FROM r1 UNION ALL SELECT mission_id, cn, ce, sse FROM r2) r
  JOIN b2 USING (mission_id) JOIN best USING (mission_id) JOIN bb USING (mission_id)
  WHERE r.sse <= b2.sse * (1 + 9.21 / (bb.k - 4) * bb.k / bb.k_eff)
  GROUP BY r.mission_id
)
SELECT
  bb.mission_id, coalesce(nu.n_used, bb.n_sel) AS n_used, coalesce(best.b.k, bb.k) AS n_cells,
  best.b.cn AS est_north_m, best.b.ce AS est_east_m,
  m.lat_deg + degrees(best.b.cn / 6371000) AS est_lat_deg,
  m.lon_deg + degrees(best.b.ce / (6371000 * cos(radians(m.lat_deg)))) AS est_lon_deg,
  greatest(unc.radius_m, $5::DOUBLE / 5) AS uncertainty_m,
  -best.b.slope / 10 AS path_loss_exponent,
  best.b.a AS a_db,
  sqrt(best.sse / best.b.k) AS rmse_db
FROM bb
LEFT JOIN best USING (mission_id)
LEFT JOIN nu USING (mission_id)
LEFT JOIN unc USING (mission_id)
LEFT JOIN mission_origin m USING (mission_id)
ORDER BY bb.mission_id
