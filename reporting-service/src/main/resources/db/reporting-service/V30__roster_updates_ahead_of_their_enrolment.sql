-- A PersonUpdated applied before its own PersonEnrolled (the enrolment went to the dead-letter topic and is replayed
-- later) is kept here, field by field as it changed them (school '' for one the person left, null for no change), and
-- merged into the person-year when the enrolment registers it: the replayed enrolment must not count the person in the
-- township, village, school or category the change had replaced.
create table person_update_ahead (
    person_id        varchar(32)  not null,
    coverage_year    integer      not null,
    township         varchar(9),
    village          varchar(100),
    school           varchar(100),
    name_masked      varchar(100),
    person_category  varchar(20),
    hukou_local      boolean,
    residence_permit boolean,
    roster_at        timestamptz  not null,
    primary key (person_id, coverage_year)
);
