-- 信息变更 field by field (service-kit RosterChanges): the newest value PersonUpdated gave each field of a person-year
-- and that change's event time. An enrolment's field is the newest of its registration's and these, whatever order the
-- facts came in: a change replayed after a newer one of other fields keeps its own fields (it used to be dropped whole:
-- the category decides the payable). It takes over from roster_update_ahead, which kept only the changes that overtook
-- their own enrolment, their fields under the newest one's time; that table stays until no subsidy-service of an older
-- version runs (a rolling deploy's old replicas still write it), and a later version drops it.
create table roster_update (
    person_id          varchar(32) not null,
    coverage_year      integer     not null,
    person_category    varchar(20),
    person_category_at timestamptz,
    township           text,
    township_at        timestamptz,
    village            text,
    village_at         timestamptz,
    changed_at         timestamptz not null,
    primary key (person_id, coverage_year)
);
insert into roster_update (person_id, coverage_year, person_category, person_category_at, township, township_at, village, village_at,
                           changed_at)
select person_id, coverage_year, person_category, case when person_category is not null then roster_at end,
       township, case when township is not null then roster_at end, village, case when village is not null then roster_at end,
       roster_at
from roster_update_ahead;
-- the event time of the registration the enrolment holds (roster_at moves with its withdrawal too); one registered before
-- this version takes its roster time, which an older version also moved with every change: such a change is then taken
-- as its registration, and a change older than it replayed later is dropped as before
alter table enrolment add column registered_at timestamptz;
update enrolment set registered_at = roster_at where not withdrawn;
