-- 医保电子凭证激活: who activated the medical-insurance e-voucher, once per person.
create table e_voucher_activation (
    person_id    varchar(32) primary key,
    activated_on date        not null,
    received_at  timestamptz not null
);

-- a unit's e-voucher target, where the campaign assesses one (Gaolou: 14,005 by Nov 30)
alter table township_target add column e_voucher_target integer check (e_voucher_target >= 0);
