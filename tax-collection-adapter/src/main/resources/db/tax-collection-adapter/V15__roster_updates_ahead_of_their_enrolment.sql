-- A PersonUpdated applied before its own PersonEnrolled (the enrolment went to the dead-letter topic and is replayed
-- later) is kept here, field by field as it changed them, and merged into the item when the enrolment arrives: the
-- replayed enrolment must not bring back the township (which decides who may apply for a refund), the village or the
-- name (on the tax bureau's list) that the change had replaced.
create table levy_update_ahead (
    person_id     varchar(32) not null,
    coverage_year integer     not null,
    township      text,
    village       text,
    name_masked   text,
    roster_at     timestamptz not null,
    primary key (person_id, coverage_year)
);
