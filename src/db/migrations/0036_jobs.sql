-- Scheduled jobs of the installation (the daily bank import, …): one row per recurring job. A runner
-- claims a due row with FOR UPDATE SKIP LOCKED and a lease (locked_until), so two server processes
-- never run the same job at once and a crashed run is taken over once its lease has expired.
create table job (
  name text primary key,
  run_at timestamptz not null,
  locked_until timestamptz,
  locked_by text,
  runs integer not null default 0,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  last_result jsonb
);
