-- The finer name an agency's row gave within its category (农村低保, 城镇低保, 一级残疾), '' where it named the category
-- alone, as every row kept before: an EXIT of 农村低保 no longer ends an ADD of 城镇低保 (a 农转城 transfer of one day), and
-- one list may hold both for a person, so the subcategory is part of the row's key.
alter table eligibility_adjustment add column subcategory varchar(40) not null default '';
alter table eligibility_adjustment drop constraint eligibility_adjustment_pkey;
alter table eligibility_adjustment add primary key (person_id, batch_id, category, subcategory, action, effective_date);
