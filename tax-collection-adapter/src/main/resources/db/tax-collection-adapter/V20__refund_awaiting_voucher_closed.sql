-- 结案: the bureau closes a kept refund it has settled with the tax bureau outside this service: one refused once its voucher
-- came, or one whose voucher will never come (a mistyped number, a voucher of another region). Until now only the tax
-- bureau's resending a right refund took such a row off the list, so the list, its gauges and alerts grew for ever. The
-- row stays, closed, with who, when and why: the record the two bureaus settled from. The bureau reads refund numbers
-- starred, so it names a row by an id of its own.
alter table refund_awaiting_voucher
    add column id        uuid         not null default gen_random_uuid(),
    add column closed_at timestamptz,
    add column closed_by varchar(64),
    add column closing   varchar(500);

create unique index refund_awaiting_voucher_id on refund_awaiting_voucher (id);
