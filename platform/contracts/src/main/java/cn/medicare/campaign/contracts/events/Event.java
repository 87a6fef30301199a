package cn.medicare.campaign.contracts.events;

/** A fact published on one of the suite's topics. */
public sealed interface Event
        permits CampaignDefined, TargetsSet, PersonEvent, ReconciliationCompleted, ReportPublished, ListsIssued {

    EventType type();

    /** The Kafka record key: records of one key stay ordered. */
    String key();
}
