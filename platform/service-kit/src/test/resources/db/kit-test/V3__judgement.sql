-- what the kit's batched consumer judged, transaction by transaction: how many of a person's events one judgement saw
create table judgement (
    seq       bigserial primary key,
    person_id varchar(32) not null,
    events    integer     not null
);

-- a row a test holds locked, which the batched consumer's judgement of a GATED payment asks for without waiting
create table gate (
    id integer primary key
);
insert into gate (id) values (1);
