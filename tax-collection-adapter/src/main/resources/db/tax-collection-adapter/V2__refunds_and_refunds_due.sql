-- 退费: every refund the tax bureau paid out, once per refund number, against one voucher.
create table refund (
    refund_no     varchar(64)   primary key,
    voucher_no    varchar(64)   not null references payment (voucher_no),
    person_id     varchar(32)   not null,
    coverage_year integer       not null,
    region        varchar(6)    not null,
    amount        numeric(12,2) not null check (amount > 0),
    refunded_at   timestamptz   not null,
    reason        text          not null,
    received_at   timestamptz   not null default now()
);
create index refund_voucher on refund (voucher_no);

-- 应退费: the excess over what is due that was last announced with RefundDue, so that the same
-- state is never announced twice; 0 = nothing owed back.
alter table levy_item
    add column refund_due        numeric(14,2) not null default 0,
    add column refund_due_reason varchar(40);
create index levy_item_refund_due on levy_item (region, coverage_year) where refund_due > 0;
