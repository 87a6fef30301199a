-- When a person-year first settled (SettlementRule), so that figures as of an earlier moment hold the person to the
-- payable in force then, not to the one they settled at later. Rows settled before V17 keep settled_at null until their
-- next fact re-judges them: as of a moment, they are held as before (to the settled payable).
alter table person_year add column settled_at timestamptz;
