-- A new campaign version reassesses everyone under it in chunks, each in a transaction of its own
-- (ReassessmentService), not in the consumer's transaction that brought the version: a county's
-- 277,000 people in one transaction held every one of their locks for its whole length. A row says
-- that a campaign still has people to reassess, and after whom to go on.
create table reassessment (
    region          varchar(6)  not null,
    coverage_year   integer     not null,
    after_person_id varchar(32),           -- null: from the first person
    generation      bigint      not null,  -- raised by each newer version: a chunk of an older one moves nothing on
    requested_at    timestamptz not null,  -- when the latest version that asked for it was stored
    primary key (region, coverage_year)
);

-- the chunks walk a campaign's people in person-id order
drop index enrolment_by_campaign;
create index enrolment_by_campaign on enrolment (region, coverage_year, person_id) where not withdrawn;
