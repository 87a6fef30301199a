-- A PersonUpdated applied before its own PersonEnrolled (the enrolment went to the dead-letter topic and is replayed
-- later) is kept here, field by field as it changed them, and merged into the enrolment when it arrives: a replayed
-- enrolment must not bring back the category the update had changed (the payable depends on it).
create table roster_update_ahead (
    person_id       varchar(32) not null,
    coverage_year   integer     not null,
    person_category varchar(20),
    township        text,
    village         text,
    roster_at       timestamptz not null,
    primary key (person_id, coverage_year)
);
