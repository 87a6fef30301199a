-- A bulletin (半月通报, 月通报) of a campaign and moment is issued once, also when the bureau asks for one the
-- schedule made, or two replicas race. A database that already holds two of one moment keeps them (published
-- bulletins are never deleted) and goes without the index; the service still refuses a third (ReportService).
do $$
begin
    if not exists (select 1 from report where type in ('HALF_MONTHLY', 'MONTHLY')
                   group by region, coverage_year, type, as_of having count(*) > 1) then
        create unique index report_bulletin_once on report (region, coverage_year, type, as_of)
            where type in ('HALF_MONTHLY', 'MONTHLY');
    else
        raise notice 'report_bulletin_once not created: some bulletin was issued twice before V16';
    end if;
end
$$;
