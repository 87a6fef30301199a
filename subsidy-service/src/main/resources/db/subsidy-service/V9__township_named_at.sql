-- When a TargetsSet last named the township: an older set replayed from the dead-letter topic does not bring back a
-- name the county has since changed (lists name townships by name, as 附件3 writes them). Rows kept before: the beginning.
alter table township add column named_at timestamptz not null default '-infinity';
