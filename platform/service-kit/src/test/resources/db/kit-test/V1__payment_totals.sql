-- the effect the kit's own consumer tests apply: a running total per person
create table payment_totals (
    person_id varchar(32) primary key,
    payments  integer        not null,
    total     numeric(12, 2) not null
);
