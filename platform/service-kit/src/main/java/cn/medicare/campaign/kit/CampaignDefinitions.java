package cn.medicare.campaign.kit;

/**
 * Read from a service's {@code campaign} table whose {@code definition} column holds the CampaignDefined payload as
 * published (json): what SQL can answer without parsing every definition in Java.
 */
public final class CampaignDefinitions {

    /**
     * The first day any campaign lets people enrol and pay (CampaignDefined.firstCollectionDay(): the collection period's
     * start, or a category's earlier one), of any region: the infant mask's threshold (PersonIds.maskIdNumber). One row,
     * null for an empty table.
     */
    public static final String FIRST_COLLECTION_DAY = """
            select min(least(cast(definition -> 'collectionPeriod' ->> 'start' as date),
                             (select min(cast(period ->> 'start' as date))
                              from json_array_elements(case when json_typeof(definition -> 'categoryPeriods') = 'array'
                                                            then definition -> 'categoryPeriods' else '[]'::json end) as period)))
            from campaign""";

    /**
     * The days a region's campaigns opened their collection periods, one row each: a NEWBORN is one born after its opening,
     * a lower bound of the birth any reader of the campaign has (NearBirthRule).
     */
    public static final String COLLECTION_OPENINGS = """
            select cast(definition -> 'collectionPeriod' ->> 'start' as date) from campaign where region = :region""";

    private CampaignDefinitions() {
    }
}
