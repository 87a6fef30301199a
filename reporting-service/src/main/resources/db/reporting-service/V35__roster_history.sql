-- Figures as of a past moment count a person in the unit and category of that moment, not today's (docs/domain.md, "as of
-- an instant"). Each field a change of the roster may give a figure (township, village, school, person category, household
-- register) is kept with the time from which it stood: the registration's values at its time, once a change names the
-- person-year, and each change's at the change's. A person-year no change ever named keeps no rows: its values are the
-- registration's. A value of '' is none (no village, a school left).
create table roster_history (
    person_id     varchar(32)  not null,
    coverage_year integer      not null,
    field         varchar(20)  not null,
    at            timestamptz  not null,
    value         varchar(100) not null,
    primary key (person_id, coverage_year, field, at)
);

-- Whether a person-year has a history there: the figures look it up for these only, never for the many no change named.
alter table person_year add column roster_changed boolean not null default false;

-- The assistance category of each assessment in the history: as of a past moment, the assisted count in the category
-- they were assessed in then. '' is none; rows kept before have null, and count in today's category, as before.
alter table assessment_history add column assistance_category varchar(30);
