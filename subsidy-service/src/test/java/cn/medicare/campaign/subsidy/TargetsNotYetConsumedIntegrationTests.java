package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOMAIN.md: a row is rejected for bad data or rights, never because this service has not yet
 * consumed the targets that name its township; nor is an assessment "not found" while the enrolment
 * it is asked for is on its way. The consumer is paused to hold the facts back.
 */
class TargetsNotYetConsumedIntegrationTests extends SubsidyIntegrationTestBase {

    private static final String BATCHES = "/api/v1/adjustment-batches?month=2017-10";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConsumerProgress progress;

    @AfterEach
    void consumerRuns() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
    }

    @Test
    void aListPostedBeforeItsCountysTargetsArriveWaitsWholeAndIsAcceptedInFullOnceTheyHave() {
        // 长汀县: a county whose targets this service has never seen
        String county = "350821";
        String list = rows(row(county + "100", Liancheng.idNumber(601)), row(county + "101", Liancheng.idNumber(602)));
        pauseConsumer();
        EventTraffic.publish(new TargetsSet(county, 2018, List.of(new TargetsSet.Target(county + "100", "汀州镇", 9_000),
                new TargetsSet.Target(county + "101", "大同镇", 8_000))));
        int certifications = certifications();

        HttpResponse<String> early = post("civil-affairs", BATCHES, "application/json", list);

        assertWaits(early, 1, 2);
        assertThat(certifications()).isEqualTo(certifications);

        resumeConsumerAndAwaitTownship(county + "101");
        HttpResponse<String> again = post("civil-affairs", BATCHES, "application/json", list);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(again.body(), "$.accepted")).isEqualTo(2);
        assertThat(JsonPath.<List<Object>>read(again.body(), "$.rejected")).isEmpty();
    }

    @Test
    void aListForACountyWithoutTargetsWaitsEvenBeforeTheTargetsReachTheTopic() {
        // they may still be in enrollment-service's outbox: the topic alone cannot tell
        HttpResponse<String> response = post("civil-affairs", BATCHES, "application/json",
                rows(row("350822100", Liancheng.idNumber(606)), row("350822101", Liancheng.idNumber(607))));

        assertWaits(response, 1, 2);
    }

    /**
     * 附件3 as filled in names its townships by name, which tell no county: the residents' numbers do (上杭县 here, whose
     * campaign has come and whose targets may still be in enrollment-service's outbox), even with every record on the topic
     * consumed. Numbers of a county no campaign here runs (a code long renumbered, which most adults' numbers keep) tell
     * nothing to wait for: the names are the rows' mistake.
     */
    @Test
    void aListNamingItsTownshipsForACountyWithoutTargetsWaitsByItsResidentsNumbers() {
        String county = "350823";
        publishAndAwaitApplied(Campaigns.inRegion(Liancheng.apiExample(2018), county));
        await().atMost(PATIENCE).until(() -> progress.caughtUp(Topics.CAMPAIGN));

        HttpResponse<String> response = post("civil-affairs", BATCHES, "application/json",
                rows(row("临城镇", IdNumbers.of(county, "19800101", 611)), row("临江镇", IdNumbers.of(county, "19800101", 612)),
                        row("临城镇", Liancheng.idNumber(613))));

        assertWaits(response, 1, 2, 3);
        HttpResponse<String> unserved = post("civil-affairs", BATCHES, "application/json",
                rows(row("临城镇", IdNumbers.of("350824", "19800101", 614)), row("临江镇", IdNumbers.of("350824", "19800101", 615))));
        assertThat(unserved.statusCode()).as(unserved.body()).isEqualTo(202);
        assertThat(JsonPath.<List<Integer>>read(unserved.body(), "$.rejected[*].row")).containsExactly(1, 2);
        // most of the numbers of a code no campaign here runs, the rest of the county whose targets may be on their way
        assertWaits(post("civil-affairs", BATCHES, "application/json", rows(row("临城镇", IdNumbers.of("350824", "19800101", 616)),
                row("临城镇", IdNumbers.of("350824", "19800101", 617)), row("临江镇", IdNumbers.of(county, "19800101", 618)))), 1, 2, 3);
    }

    @Test
    void aTownshipAddedToKnownTargetsWaitsWhileTheTargetsAreOnTheTopic() {
        String newTownship = Liancheng.REGION + "117";
        String list = rows(row(newTownship, Liancheng.idNumber(603)));
        pauseConsumer();
        List<TargetsSet.Target> targets = new ArrayList<>(Liancheng.targets(2018).targets());
        targets.add(new TargetsSet.Target(newTownship, "新设乡镇", 5_000));
        EventTraffic.publish(new TargetsSet(Liancheng.REGION, 2018, targets));

        assertWaits(post("civil-affairs", BATCHES, "application/json", list), 1);

        resumeConsumerAndAwaitTownship(newTownship);
        HttpResponse<String> again = post("civil-affairs", BATCHES, "application/json", list);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(again.body(), "$.accepted")).isEqualTo(1);
    }

    @Test
    void aTownshipInNoTargetsOfAKnownCountyIsTheRowsMistakeOnceEverythingIsConsumed() {
        String list = rows(row(Liancheng.LIANFENG, Liancheng.idNumber(604)), row(Liancheng.REGION + "199", Liancheng.idNumber(605)));

        // whatever other tests left on the topic is consumed first: then the answer is final
        await().atMost(PATIENCE).until(() -> post("civil-affairs", BATCHES, "application/json", list),
                response -> response.statusCode() != 503);
        HttpResponse<String> response = post("civil-affairs", BATCHES, "application/json", list);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$.rejected[*].row")).containsExactly(2);
        assertThat(JsonPath.<String>read(response.body(), "$.rejected[0].errors[0].field")).isEqualTo("township");
    }

    /**
     * A list that had to wait for this service (503) and is sent again after the 10th counts as sent when it first came:
     * the wait was ours. The clock stands on 9 October, so September's list is late unless it first came by 10 September.
     * A county with no targets at all may be a mistyped code, the agency's mistake: that wait counts for nothing.
     */
    @Test
    void aListSentAgainAfterTheDeadlineCountsAsSentWhenItFirstHadToWaitForUs() {
        assertWaits(post("civil-affairs", "/api/v1/adjustment-batches?month=2017-07", "application/json",
                rows(row("350823100", Liancheng.idNumber(609)))), 1);
        assertThat(waits("2017-07")).as("no targets of that county at all: perhaps the agency's typo").isZero();

        String newTownship = Liancheng.REGION + "118";
        pauseConsumer();
        List<TargetsSet.Target> targets = new ArrayList<>(Liancheng.targets(2018).targets());
        targets.add(new TargetsSet.Target(newTownship, "又一新设乡镇", 3_000));
        EventTraffic.publish(new TargetsSet(Liancheng.REGION, 2018, targets));
        String august = rows(row(newTownship, Liancheng.idNumber(612)));
        assertWaits(post("civil-affairs", "/api/v1/adjustment-batches?month=2017-08", "application/json", august), 1);
        assertThat(waits("2017-08")).as("the targets were on the topic: our lag").isOne();
        resumeConsumerAndAwaitTownship(newTownship);
        assertThat(post("civil-affairs", "/api/v1/adjustment-batches?month=2017-08", "application/json", august).statusCode()).isEqualTo(202);
        assertThat(waits("2017-08")).as("made good once, by the list sent again").isZero();

        // September's list first answered 503 on the 10th, a month ago
        jdbc.update("insert into list_waited (agency, month, first_at) values ('CIVIL_AFFAIRS', '2017-09', '2017-09-10T02:00:00Z')");
        HttpResponse<String> again = post("civil-affairs", "/api/v1/adjustment-batches?month=2017-09", "application/json",
                rows(row(Liancheng.LIANFENG, Liancheng.idNumber(610))));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(JsonPath.<Boolean>read(again.body(), "$.onTime")).isTrue();
        HttpResponse<String> neverWaited = post("rural-revitalization", "/api/v1/adjustment-batches?month=2017-09", "application/json",
                rows(row(Liancheng.LIANFENG, Liancheng.idNumber(611)).replace("MINIMUM_LIVING", "MONITORED")));
        assertThat(JsonPath.<Boolean>read(neverWaited.body(), "$.onTime")).as("another agency's list that never waited").isFalse();
    }

    private int waits(String month) {
        return jdbc.queryForObject("select count(*) from list_waited where agency = 'CIVIL_AFFAIRS' and month = ?", Integer.class, month);
    }

    /** A township clerk asks for the payable right after enrolling: not 403 (not yours) nor 404, but "ask again shortly". */
    @Test
    void anAssessmentAskedForBeforeItsEnrolmentIsConsumedWaits() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(608), 2018);
        String assessment = "/api/v1/assessments/" + enrolled.personId() + "?coverageYear=2018";
        pauseConsumer();
        EventTraffic.publish(enrolled);

        for (String caller : List.of("bureau", "township-" + enrolled.township())) {
            HttpResponse<String> early = get(caller, assessment);
            assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).isPresent();
        }

        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        HttpResponse<String> known = await().atMost(PATIENCE).until(() -> get("township-" + enrolled.township(), assessment),
                answered -> answered.statusCode() != 503);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(known.body(), "$.payableAmount")).isEqualTo("180.00");
    }

    private void assertWaits(HttpResponse<String> response, Integer... rows) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("任务分解表", "targets", "send the whole list again");
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$.errors[*].row")).containsExactly(rows);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsOnly("township");
    }

    private void pauseConsumer() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        await().atMost(PATIENCE).until(() -> listeners.getListenerContainers().stream().allMatch(MessageListenerContainer::isContainerPaused));
    }

    private void resumeConsumerAndAwaitTownship(String township) {
        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from township where township = ?", Integer.class,
                township) == 1);
    }

    private int certifications() {
        return jdbc.queryForObject("select count(*) from certification", Integer.class);
    }

    private static String rows(String... rows) {
        return "{\"rows\":[" + String.join(",", rows) + "]}";
    }

    private static String row(String township, String idNumber) {
        return String.format("{\"township\":\"%s\",\"village\":\"某村\",\"idNumber\":\"%s\",\"phone\":\"13800000000\","
                + "\"action\":\"ADD\",\"category\":\"MINIMUM_LIVING\",\"effectiveDate\":\"2017-10-15\"}", township, idNumber);
    }
}
