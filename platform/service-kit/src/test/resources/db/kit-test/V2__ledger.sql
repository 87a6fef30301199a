-- what the kit's run test applies: each payment and refund in the order it was applied, and the size of its run
create table ledger (
    seq       bigserial primary key,
    person_id varchar(32)    not null,
    entry     numeric(12, 2) not null,
    run_size  integer        not null
);
