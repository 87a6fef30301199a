-- A unit's rate is done / target, and nothing caps it at 1: a village given a target of 1, or an e-voucher
-- target of 5 with 150 activated, is 150.0000, which numeric(6,4) refused, rolling back the night's settlement.
alter table stage_result alter column rate type numeric(12,4);
