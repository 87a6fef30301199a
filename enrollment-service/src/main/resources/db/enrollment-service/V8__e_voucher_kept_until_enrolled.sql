-- An activation of someone not yet on the roster is kept and announced when the person is enrolled:
-- announced_at is null until then. Every activation stored before was of an enrolled person, announced on receipt.
alter table e_voucher_activation add column announced_at timestamptz;
update e_voucher_activation set announced_at = received_at;
