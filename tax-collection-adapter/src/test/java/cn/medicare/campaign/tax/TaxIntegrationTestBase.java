package cn.medicare.campaign.tax;

import static cn.medicare.campaign.tax.TaxBureauBodies.confirmation;
import static cn.medicare.campaign.tax.TaxBureauBodies.confirmations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The adapter on the real infrastructure; one application context shared by every integration test class. */
@RealInfrastructure
// the parked events of an older version, the refunds waiting for a voucher received and the payments waiting for a
// registration that came looked for every second, so that a test sees them applied; the tests' seasons are past, so the
// nightly judgement of the last day to pay runs only when a test asks it to, as of the day it gives
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"insurance.inbox.parked-every=PT1S", "insurance.tax.refunds-awaiting-every=PT1S",
                "insurance.tax.payments-awaiting-every=PT1S", "insurance.tax.last-day-passed-cron=-"})
public abstract class TaxIntegrationTestBase {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonIds personIds;

    /** What enrollment-service seals with locally: the public half of this service's local opening key. */
    static final IdNumberSealer SEALER =
            IdNumberSealer.fromBase64("local-2018", "MCowBQYDK2VuAyEAvrkDJ/GKAjkpF/As4iXnOAkormMdNqwR4V8tqiDt+nQ=");

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    TaxApi api;
    Residents residents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "tax_test");
    }

    @BeforeEach
    void clients() {
        api = new TaxApi(port);
        residents = new Residents(personIds, SEALER);
    }

    /** A resident of 莲峰镇 enrolled for 2018 and assessed, once the levy list shows them UNPAID (PAID when they owe nothing). */
    String enrolledAndAssessed(AssistanceCategory category) {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        EventTraffic.publish(residents.enrolled(idNumber, 2018), residents.assessed(idNumber, 2018, category));
        String assessed = category == AssistanceCategory.EXTREME_POVERTY ? "PAID" : "UNPAID";
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber),
                item -> item != null && item.get("status").asString().equals(assessed));
        return idNumber;
    }

    /** Pays {@code amount} for 2018 through the confirmations endpoint; the voucher number. */
    String paid(String idNumber, String amount) {
        String voucherNo = Vouchers.next();
        JsonNode outcome = TaxApi.json(api.confirm(confirmations(confirmation(voucherNo, idNumber, amount))));
        assertThat(outcome.get("accepted").asInt()).as(outcome.toString()).isEqualTo(1);
        return voucherNo;
    }

    boolean applied(UUID eventId) {
        return jdbc.queryForObject("select count(*) from inbox where event_id = ?", Integer.class, eventId) == 1;
    }

    String paidTotal(String idNumber) {
        return jdbc.queryForObject("select paid_total::text from levy_item where person_id = ? and coverage_year = 2018",
                String.class, residents.personId(idNumber));
    }

    static void assertAcceptedOne(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = TaxApi.json(response);
        assertThat(outcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(outcome.get("duplicates").asInt()).isZero();
        assertThat(outcome.get("rejected")).isEmpty();
    }

    /** The one outbox row whose payload has {@code field} = {@code value}: its type, topic, key and payload. */
    Map<String, Object> publishedWith(String field, String value) {
        return jdbc.queryForMap("select type, aggregatetype, aggregateid, payload::text as payload from outbox where payload->>'"
                + field + "' = ?", value);
    }
}
