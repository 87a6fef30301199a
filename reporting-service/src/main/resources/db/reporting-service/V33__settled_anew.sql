-- A registration that follows a withdrawal starts the person's settlement anew (docs/domain.md, "Settled anew"): the
-- earlier registration's settled payable no longer caps what the new one owes. Its time is a fact of the settlement's
-- timeline beside the payables and the money. Person-years registered again before this version keep the cap they had.
alter table person_year add column settled_anew_at timestamptz;
