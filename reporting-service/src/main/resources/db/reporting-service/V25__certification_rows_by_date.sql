-- One list may hold several rows of a person and category (ADD in March, EXIT in June, ADD again in October), and
-- EligibilityAdjusted carries no row number: keyed without the date, the October row was dropped as the March row's
-- repeat and the person counted as no longer certified. The same row delivered again is still one row.
alter table eligibility_adjustment drop constraint eligibility_adjustment_pkey;
alter table eligibility_adjustment add primary key (person_id, batch_id, category, action, effective_date);
