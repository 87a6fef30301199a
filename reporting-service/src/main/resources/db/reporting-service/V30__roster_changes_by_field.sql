-- 信息变更 field by field (service-kit RosterChanges): the newest value PersonUpdated gave each field of a person-year
-- and that change's event time. A person-year's field is the newest of its registration's and these, whatever order the
-- facts came in: a change replayed after a newer one of other fields keeps its own fields, and a change that overtook
-- its own dead-lettered enrolment applies when the enrolment arrives (both used to be dropped). A school of '' is one
-- the person left.
create table person_update (
    person_id           varchar(32)  not null,
    coverage_year       integer      not null,
    township            varchar(9),
    township_at         timestamptz,
    village             varchar(100),
    village_at          timestamptz,
    school              varchar(100),
    school_at           timestamptz,
    name_masked         varchar(100),
    name_masked_at      timestamptz,
    person_category     varchar(20),
    person_category_at  timestamptz,
    hukou_local         boolean,
    hukou_local_at      timestamptz,
    residence_permit    boolean,
    residence_permit_at timestamptz,
    changed_at          timestamptz  not null,
    primary key (person_id, coverage_year)
);
