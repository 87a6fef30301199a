-- Every change of a campaign or its targets: who made it, when, and what it became (ARCHITECTURE.md: every change is
-- audited). The campaign row keeps the latest version alone and the campaign topic is compacted, so without this
-- nobody could tell who moved a period end or an amount, or what version 3 said once version 4 replaced it.
create table campaign_change (
    id            bigserial   primary key,
    region        varchar(6)  not null,
    coverage_year int         not null,
    kind          varchar(10) not null,
    changed_at    timestamptz not null,
    changed_by    text        not null,
    content       json        not null
);
create index campaign_change_by_campaign on campaign_change (region, coverage_year, id);
