-- The finer name a list gave within a category (农村低保, 城镇低保, 一级残疾): an EXIT of one no longer ends another of the
-- same category (a 农转城 transfer: EXIT 农村低保 and ADD 城镇低保 on one day). Null where the row named the category alone,
-- as every row kept before: such a row is ended by an EXIT of any subcategory, and its EXIT ends them all.
alter table certification add column subcategory varchar(40);
