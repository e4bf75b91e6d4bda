-- name: schema_columns
-- answers: What can the SQL console query? Every table and view outside the system schemas, with
--   its columns and their types, in declaration order (the contract tables, their views, and any
--   user table opened from a non-PISAD file).
-- params: none
-- returns: table_schema, table_name, table_type ('BASE TABLE' | 'VIEW' | 'LOCAL TEMPORARY'),
--   column_name, data_type, ordinal_position (1-based)
SELECT
  c.table_schema,
  c.table_name,
  t.table_type,
  c.column_name,
  c.data_type,
  c.ordinal_position
FROM information_schema.columns AS c
JOIN information_schema.tables AS t
  ON t.table_catalog = c.table_catalog
  AND t.table_schema = c.table_schema
  AND t.table_name = c.table_name
WHERE c.table_schema NOT IN ('information_schema', 'pg_catalog')
  AND c.table_catalog NOT IN ('system', 'temp')
ORDER BY t.table_type, c.table_schema, c.table_name, c.ordinal_position
