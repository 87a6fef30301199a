-- 待匹配退费: a refund the tax bureau sent for a voucher this service has not received (the voucher's confirmation lost
-- on the way and recovered by the day's reconciliation file, or still to come). It is kept, not refused, and applied the
-- moment the voucher arrives, by a confirmation or a reconciliation: refused, it was never sent again, and the person
-- stayed paid (docs/domain.md, "A refund before its voucher"). One found wrong then (more than remains of the voucher,
-- the payer's ID number in its number) stays here refused, with why, for the bureau and the tax bureau to settle.
create table refund_awaiting_voucher (
    refund_no   varchar(64)    primary key,
    voucher_no  varchar(64)    not null,
    amount      numeric(12, 2) not null,
    refunded_at timestamptz    not null,
    reason      varchar(500),
    received_at timestamptz    not null,
    refused     varchar(500)
);

create index refund_awaiting_voucher_by_voucher on refund_awaiting_voucher (voucher_no) where refused is null;
