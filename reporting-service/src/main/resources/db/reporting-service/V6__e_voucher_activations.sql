-- 医保电子凭证激活 per person, and the units' e-voucher targets (Gaolou assesses both).
create table e_voucher (
    person_id    varchar(32) primary key,
    activated_on date        not null
);
alter table township_target add column e_voucher_target integer;
