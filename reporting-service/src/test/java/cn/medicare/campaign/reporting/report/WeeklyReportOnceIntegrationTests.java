package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceUnderTest;
import cn.medicare.campaign.reporting.ReportingMother;
import cn.medicare.campaign.reporting.ReportingServiceApplication;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas of reporting-service on one database, their clocks at Friday 17:00 Beijing time in
 * the collection period, both running the weekly job at once: one WEEKLY report, one event.
 */
@RealInfrastructure
class WeeklyReportOnceIntegrationTests {

    private static final String REGION = "350826";
    /** The county whose bureau asks for its own weekly report that Friday. */
    private static final String ASKING = "350827";
    private static ServiceUnderTest first;
    private static ServiceUnderTest second;

    /** Friday 2017-11-17, 17:00 in Liancheng. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FridayAtFive {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2017-11-17T09:00:00Z"), ZoneOffset.UTC);
        }
    }

    @BeforeAll
    static void twoReplicas() {
        first = ServiceUnderTest.start("reporting_weekly_once", ReportingServiceApplication.class, FridayAtFive.class);
        second = ServiceUnderTest.start("reporting_weekly_once", ReportingServiceApplication.class, FridayAtFive.class);
        ReportingMother county = new ReportingMother(REGION);
        ReportingMother asking = new ReportingMother(ASKING);
        EventTraffic.publish(county.campaign(), county.targets(), asking.campaign(), asking.targets());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().queryForObject(
                "select count(*) from campaign where region in (?, ?)", Integer.class, REGION, ASKING) == 2);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void bothReplicasRunTheWeeklyJobAtOnceAndOneReportIsPublished() {
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> first.bean(WeeklyReportService.class).publish());
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> second.bean(WeeklyReportService.class).publish());
        CompletableFuture.allOf(one, other).join();

        assertThat(jdbc().queryForObject("select count(*) from shedlock where name = 'weekly-report'", Integer.class))
                .as("the job ran under the cluster-wide lock").isOne();
        assertThat(jdbc().queryForObject("select count(*) from report where type = 'WEEKLY' and scheduled and region = ?", Integer.class,
                REGION)).isOne();
        assertThat(jdbc().queryForObject("""
                select count(*) from outbox join report on report.report_id::text = outbox.payload::json ->> 'reportId'
                where outbox.type = 'ReportPublished' and report.scheduled and report.region = ?""", Integer.class, REGION))
                .isOne();
    }

    @Test
    void withoutTheLockASecondWeeklyReportOfTheDayIsRefusedAndPublishesNothing() {
        ReportService reports = second.bean(ReportService.class);
        try {
            reports.create(ReportType.WEEKLY, REGION, 2018, null, true);
        } catch (DuplicateKeyException publishedByTheOtherTest) {
            // today's weekly report exists either way
        }

        assertThatThrownBy(() -> reports.create(ReportType.WEEKLY, REGION, 2018, null, true)).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc().queryForObject("""
                select count(*) from outbox join report on report.report_id::text = outbox.payload::json ->> 'reportId'
                where outbox.type = 'ReportPublished' and report.scheduled and report.region = ?""", Integer.class, REGION))
                .isOne();
        assertThat(jdbc().queryForObject("select count(*) from report where type = 'WEEKLY' and scheduled and region = ?", Integer.class,
                REGION)).isOne();
    }

    /**
     * A WEEKLY report the bureau asked for that Friday morning is its own: the schedule's at 17:00 is still made, with the
     * afternoon's figures (it used to be refused as the day's second and left the morning's standing).
     */
    @Test
    void theBureauAskingForAWeeklyReportOnAFridayLeavesTheScheduledOneToBeMade() {
        ApiClient bureau = ApiClient.at(first.port()).as("bureau");
        String request = "{\"type\":\"WEEKLY\",\"region\":\"" + ASKING + "\",\"coverageYear\":2018}";

        HttpResponse<String> asked = bureau.post("/api/v1/reports", request);
        try {
            first.bean(ReportService.class).create(ReportType.WEEKLY, ASKING, 2018, null, true);
        } catch (DuplicateKeyException madeByTheJobInAnotherTest) {
            // the schedule's report of the day exists either way
        }

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(jdbc().queryForList("select scheduled from report where type = 'WEEKLY' and region = ? order by scheduled",
                Boolean.class, ASKING)).containsExactly(false, true);
        assertThat(bureau.post("/api/v1/reports", request).statusCode()).as("the bureau's own, once a day").isEqualTo(409);
    }

    /** The same for the Friday lists: the bureau's morning issue left the weekend's unpaid list as it stood that morning. */
    @Test
    void theBureauIssuingTheListsOnAFridayLeavesTheScheduledIssueToBeMade() {
        ApiClient bureau = ApiClient.at(first.port()).as("bureau");
        String request = "{\"region\":\"" + ASKING + "\",\"coverageYear\":2018}";

        HttpResponse<String> asked = bureau.post("/api/v1/lists", request);
        first.bean(WeeklyReportService.class).issueLists();

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(jdbc().queryForList("select scheduled from issued_list where kind = 'unpaid' and region = ? order by scheduled",
                Boolean.class, ASKING)).containsExactly(false, true);
        assertThat(jdbc().queryForObject("select count(*) from outbox where type = 'ListsIssued' and payload::json ->> 'region' = ?",
                Integer.class, ASKING)).isEqualTo(2);
        assertThat(bureau.post("/api/v1/lists", request).statusCode()).as("the bureau's own, once a day").isEqualTo(409);
    }

    @Test
    void theBureauAskingForASecondWeeklyReportOfTheDayIsToldItExists() {
        ApiClient bureau = ApiClient.at(first.port()).as("bureau");
        String request = "{\"type\":\"WEEKLY\",\"region\":\"" + REGION + "\",\"coverageYear\":2018}";
        bureau.post("/api/v1/reports", request);

        HttpResponse<String> again = bureau.post("/api/v1/reports", request);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    /**
     * The 附件5 form as of last Friday, then as of the Friday before: both made the same day (the second used to be refused
     * as the day's second WEEKLY). Asked again as of a moment of a day already reported today, it is told it exists.
     */
    @Test
    void theBureauAsksTheSameDayForWeeklyReportsAsOfSeveralDaysOnceEach() {
        ApiClient bureau = ApiClient.at(first.port()).as("bureau");
        String asOf = "{\"type\":\"WEEKLY\",\"region\":\"" + REGION + "\",\"coverageYear\":2018,\"asOf\":\"%s\"}";

        HttpResponse<String> lastFriday = bureau.post("/api/v1/reports", asOf.formatted("2017-11-10T09:00:00Z"));
        HttpResponse<String> fridayBefore = bureau.post("/api/v1/reports", asOf.formatted("2017-11-03T09:00:00Z"));

        assertThat(lastFriday.statusCode()).as(lastFriday.body()).isEqualTo(201);
        assertThat(fridayBefore.statusCode()).as(fridayBefore.body()).isEqualTo(201);
        // 11:00 of last Friday, Beijing time: that day's report was made today
        HttpResponse<String> sameDay = bureau.post("/api/v1/reports", asOf.formatted("2017-11-10T03:00:00Z"));
        assertThat(sameDay.statusCode()).as(sameDay.body()).isEqualTo(409);
    }

    private static JdbcTemplate jdbc() {
        return first.bean(JdbcTemplate.class);
    }
}
