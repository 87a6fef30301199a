-- When the read model first held the campaign, by the event time of its first definition. A stage is settled by the
-- schedule, and a period end's standings kept, only if they closed after it: a campaign defined after a deadline had
-- passed (a replayed season, a county going live mid-campaign with its roster migrated back-dated) had no figures "as
-- they stood then" in this service, and the schedule's first run would fix the stage on whatever of the back-dated facts
-- had arrived by that minute, for good. Such a stage is computed on each read by event time until the bureau settles it
-- (POST /api/v1/stages/recomputation). Campaigns kept before this version count as held for ever: settled as before.
alter table campaign add column first_defined_at timestamptz not null default '-infinity';
