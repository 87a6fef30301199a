-- The day whose reconciliation file (入库对账) brought a payment we had never been sent: a repeated
-- file for that day counts it as recovered again instead of as matched, and publishes nothing.
alter table payment add column recovered_on date;

-- 入库对账: the last outcome of each day's file, as answered and as ReconciliationCompleted
-- announced it. The report holds vouchers, amounts and masked numbers only.
create table reconciliation (
    date         date        primary key,
    report       json        not null,
    completed_at timestamptz not null default now()
);
