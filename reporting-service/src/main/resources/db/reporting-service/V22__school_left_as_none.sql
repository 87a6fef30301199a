-- enrollment-service announces a school left as "" (PersonUpdated): a reporting-service older than V21's code kept
-- it as a school named "", which counted the pupil in the education system. None is null.
update person_year set school = null where school = '';
