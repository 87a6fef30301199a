-- The enrolment's business day: an enrolment whose case is the certification (新认定困难人员) counts the additions after the
-- assistance cut-off that led to it, not every later one of its year. Rows kept before stay null: counted to the year's end.
alter table enrolment add column enrolled_on date;
