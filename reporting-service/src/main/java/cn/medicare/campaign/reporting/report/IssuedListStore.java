package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.kit.BusinessTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The Friday lists as they were issued, contacts still sealed, one per list, campaign and business day. */
@Repository
class IssuedListStore {

    private static final TypeReference<List<PersonListStore.Listed>> ROWS = new TypeReference<>() {
    };

    /** One list of one Friday issue: when, and how many people were on it. */
    record Issue(UUID issueId, String list, Instant issuedAt, int people) {
    }

    /** @param keepsSchools whether its rows name the school a pupil enrolled through (issues kept since V29) */
    record Kept(Instant issuedAt, List<PersonListStore.Listed> people, boolean keepsSchools) {
    }

    private final JdbcClient jdbc;

    IssuedListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the Friday schedule issued the campaign's lists on that business day. */
    boolean scheduledIssued(String region, int coverageYear, LocalDate businessDate) {
        return jdbc.sql("""
                select exists (select 1 from issued_list where scheduled and region = :region and coverage_year = :coverageYear
                                and business_date = :businessDate)""")
                .param("region", region).param("coverageYear", coverageYear).param("businessDate", businessDate)
                .query(Boolean.class).single();
    }

    void add(UUID issueId, PersonList list, String region, int coverageYear, Instant issuedAt, boolean scheduled,
            List<PersonListStore.Listed> people) {
        jdbc.sql("""
                insert into issued_list (issue_id, kind, region, coverage_year, issued_at, business_date, scheduled, people, content,
                                         keeps_schools)
                values (:issueId, :kind, :region, :coverageYear, :issuedAt, :businessDate, :scheduled, :people, cast(:content as json),
                        true)""")
                .param("issueId", issueId).param("kind", list.path).param("region", region).param("coverageYear", coverageYear)
                .param("issuedAt", Timestamp.from(issuedAt)).param("businessDate", issuedAt.atZone(BusinessTime.ZONE).toLocalDate())
                .param("scheduled", scheduled)
                .param("people", people.size()).param("content", EventJson.mapper().writeValueAsString(people))
                .update();
    }

    Optional<Kept> find(UUID issueId, PersonList list, String region, int coverageYear) {
        return jdbc.sql("""
                select issued_at, content::text, keeps_schools from issued_list
                where issue_id = :issueId and kind = :kind and region = :region and coverage_year = :coverageYear""")
                .param("issueId", issueId).param("kind", list.path).param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new Kept(row.getTimestamp(1).toInstant(), EventJson.mapper().readValue(row.getString(2), ROWS),
                        row.getBoolean(3)))
                .optional();
    }

    List<Issue> issues(String region, int coverageYear) {
        return jdbc.sql("""
                select issue_id, kind, issued_at, people from issued_list
                where region = :region and coverage_year = :coverageYear order by issued_at desc, kind""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new Issue(row.getObject(1, UUID.class), row.getString(2), row.getTimestamp(3).toInstant(), row.getInt(4)))
                .list();
    }
}
