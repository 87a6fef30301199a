-- 信息变更 field by field (service-kit RosterChanges): the newest value PersonUpdated gave each field of a person-year
-- and that change's event time. An item's field is the newest of its enrolment's and these, whatever order the facts
-- came in: a change replayed after a newer one of other fields keeps its own fields, and a change that overtook its own
-- dead-lettered enrolment applies when the enrolment arrives (both used to be dropped). The township decides who may
-- apply for a refund, the name is on the tax bureau's list.
create table levy_update (
    person_id      varchar(32) not null,
    coverage_year  integer     not null,
    township       text,
    township_at    timestamptz,
    village        text,
    village_at     timestamptz,
    name_masked    text,
    name_masked_at timestamptz,
    changed_at     timestamptz not null,
    primary key (person_id, coverage_year)
);
-- the event time of the enrolment the item holds (roster_at moves with its withdrawal too); an item enrolled before this
-- version takes its roster time, which an older version also moved with every change: such a change is then taken as
-- its registration, and a change older than it replayed later is dropped as before
alter table levy_item add column registered_at timestamptz;
update levy_item set registered_at = roster_at where id_number_sealed is not null;
