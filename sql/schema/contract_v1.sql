-- PISAD flight-data contract, version 1.
--
-- One mission = one folder of Parquet files (one per table, zstd, key-value metadata
-- `pisad.contract_version` = '1') or one .duckdb file holding these same tables.
-- Every table carries mission_id. Time is `t TIMESTAMPTZ` (UTC, microseconds) plus
-- `t_rel_s DOUBLE`, seconds since mission.started_at. Units live in column names.
-- Positions: lat_deg/lon_deg (WGS84) and local north_m/east_m from the mission origin
-- (R = 6371000 m, north = dlat*R*pi/180, east = dlon*R*pi/180*cos(origin_lat)).
-- Enumerations are VARCHAR holding the Pi's own strings (IDLE, SEARCHING, DETECTING,
-- HOMING, HOLDING, EMERGENCY; NO_FIX/2D_FIX/3D_FIX/RTK; ...).
-- Columns are nullable unless the analysis cannot do without them.
-- Statements are separated by ';' and run in order when a database opens.

CREATE TABLE IF NOT EXISTS mission (
  mission_id VARCHAR NOT NULL PRIMARY KEY,
  name VARCHAR,
  source VARCHAR,                -- pi | sim | live | import:<format>
  started_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ,
  software_version VARCHAR,
  center_frequency_hz DOUBLE,
  ewma_alpha DOUBLE,             -- 0.3 on the Pi
  noise_percentile DOUBLE,       -- 0.10 on the Pi
  noise_window_samples INTEGER,  -- 100 on the Pi
  snr_trigger_db DOUBLE,         -- 12
  snr_drop_db DOUBLE,            -- 6
  debounce_in_samples INTEGER,   -- 3
  debounce_out_samples INTEGER,  -- 5
  origin_lat_deg DOUBLE,
  origin_lon_deg DOUBLE,
  origin_alt_amsl_m DOUBLE,
  search_area_geojson VARCHAR,   -- GeoJSON Polygon of the search boundary
  search_area_km2 DOUBLE,
  beacon_power_dbm DOUBLE,       -- configured/known beacon power, NULL if unknown
  scenario VARCHAR,              -- simulator scenario name, NULL for real flights
  seed BIGINT,                   -- simulator seed, NULL for real flights
  config_json VARCHAR,
  notes VARCHAR
);

CREATE TABLE IF NOT EXISTS rssi_sample (
  mission_id VARCHAR NOT NULL,
  t TIMESTAMPTZ NOT NULL,
  t_rel_s DOUBLE NOT NULL,
  seq BIGINT,                    -- sample index within the mission, from 0
  rssi_dbm DOUBLE,               -- EWMA-filtered RSSI, as the Pi reports it
  rssi_raw_dbm DOUBLE,           -- before EWMA, when known
  noise_floor_dbm DOUBLE,        -- the Pi's rolling p10 of the last 100 samples
  snr_db DOUBLE,
  above_trigger BOOLEAN,         -- snr_db > snr_trigger_db
  detected BOOLEAN,              -- debounced detection state after this sample
  confidence_pct DOUBLE,
  frequency_hz DOUBLE,
  system_state VARCHAR
);

CREATE TABLE IF NOT EXISTS vehicle_telemetry (
  mission_id VARCHAR NOT NULL,
  t TIMESTAMPTZ NOT NULL,
  t_rel_s DOUBLE NOT NULL,
  lat_deg DOUBLE,
  lon_deg DOUBLE,
  alt_amsl_m DOUBLE,
  alt_rel_m DOUBLE,
  north_m DOUBLE,
  east_m DOUBLE,
  groundspeed_mps DOUBLE,
  climb_mps DOUBLE,
  heading_deg DOUBLE,
  roll_deg DOUBLE,
  pitch_deg DOUBLE,
  yaw_deg DOUBLE,
  battery_v DOUBLE,
  battery_a DOUBLE,
  battery_pct DOUBLE,
  gps_fix VARCHAR,
  gps_sats INTEGER,
  gps_hdop DOUBLE,
  flight_mode VARCHAR,
  armed BOOLEAN,
  cpu_pct DOUBLE,
  mem_pct DOUBLE,
  cpu_temp_c DOUBLE
);

CREATE TABLE IF NOT EXISTS state_transition (
  mission_id VARCHAR NOT NULL,
  t TIMESTAMPTZ NOT NULL,
  t_rel_s DOUBLE NOT NULL,
  from_state VARCHAR,
  to_state VARCHAR NOT NULL,
  reason VARCHAR,
  forced BOOLEAN,
  operator_id VARCHAR,
  action_duration_ms INTEGER,
  homing_enabled BOOLEAN
);

CREATE TABLE IF NOT EXISTS detection (
  mission_id VARCHAR NOT NULL,
  t TIMESTAMPTZ NOT NULL,
  t_rel_s DOUBLE NOT NULL,
  detection_id INTEGER,
  frequency_hz DOUBLE,
  rssi_dbm DOUBLE,
  snr_db DOUBLE,
  confidence_pct DOUBLE,
  lat_deg DOUBLE,
  lon_deg DOUBLE,
  north_m DOUBLE,
  east_m DOUBLE,
  system_state VARCHAR
);

CREATE TABLE IF NOT EXISTS homing_step (
  mission_id VARCHAR NOT NULL,
  t TIMESTAMPTZ NOT NULL,
  t_rel_s DOUBLE NOT NULL,
  substage VARCHAR,
  gradient_mag_db_per_m DOUBLE,
  gradient_dir_deg DOUBLE,
  gradient_conf_pct DOUBLE,
  target_heading_deg DOUBLE,
  cmd_forward_mps DOUBLE,
  cmd_yaw_rate_rps DOUBLE
);

CREATE TABLE IF NOT EXISTS search_pattern (
  mission_id VARCHAR NOT NULL,
  pattern_id VARCHAR,
  pattern_type VARCHAR,          -- expanding_square | spiral | lawnmower
  spacing_m DOUBLE,
  velocity_mps DOUBLE,
  altitude_m DOUBLE,
  boundary_geojson VARCHAR
);

CREATE TABLE IF NOT EXISTS waypoint (
  mission_id VARCHAR NOT NULL,
  pattern_id VARCHAR,
  idx INTEGER NOT NULL,
  lat_deg DOUBLE,
  lon_deg DOUBLE,
  north_m DOUBLE,
  east_m DOUBLE,
  alt_m DOUBLE,
  reached_at TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS safety_event (
  mission_id VARCHAR NOT NULL,
  t TIMESTAMPTZ NOT NULL,
  t_rel_s DOUBLE NOT NULL,
  event_id VARCHAR,
  event_type VARCHAR,
  trigger VARCHAR,
  details VARCHAR,               -- JSON text
  resolved BOOLEAN
);

CREATE TABLE IF NOT EXISTS beacon_truth (
  mission_id VARCHAR NOT NULL,
  beacon_id VARCHAR,
  lat_deg DOUBLE,
  lon_deg DOUBLE,
  alt_amsl_m DOUBLE,
  north_m DOUBLE,
  east_m DOUBLE,
  power_dbm DOUBLE,
  frequency_hz DOUBLE,
  pulse_period_s DOUBLE,
  pulse_width_s DOUBLE
)
