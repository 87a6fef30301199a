package cn.medicare.campaign.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonIdsTests {

    private static final byte[] KEY = "liancheng-test-person-key-000001".getBytes(StandardCharsets.UTF_8);
    private static final String NUMBER_WITH_X = ResidentIdNumberTests.withCheck("43082119781205108");

    private final PersonIds personIds = new PersonIds(KEY);

    @Test
    void aPersonIdIs32LowerCaseHexCharactersAndDeterministic() {
        String personId = personIds.personId("350825198506124017");

        assertThat(personId).matches("[0-9a-f]{32}");
        assertThat(new PersonIds(KEY.clone()).personId("350825198506124017")).isEqualTo(personId);
        assertThat(PersonIds.fromBase64(Base64.getEncoder().encodeToString(KEY)).personId("350825198506124017"))
                .isEqualTo(personId);
    }

    @Test
    void aPersonIdIsTheTruncatedHmacOfTheUpperCasedNumber() {
        // Computed outside Java (Python hmac) so that every service's implementation can be checked against it.
        assertThat(personIds.personId("350825198506124017")).isEqualTo("260a74e20e1847833405360435ff8e67");
    }

    @Test
    void requestThreadsHashingAtOnceEachGetTheirOwnNumbersId() throws Exception {
        List<String> numbers = IntStream.range(0, 2_000)
                .mapToObj(n -> ResidentIdNumberTests.withCheck("3508251985061" + String.format("%04d", n))).toList();
        List<String> alone = numbers.stream().map(new PersonIds(KEY)::personId).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> lists = IntStream.range(0, 8)
                    .<Callable<List<String>>>mapToObj(thread -> () -> numbers.stream().map(personIds::personId).toList()).toList();
            for (Future<List<String>> list : threads.invokeAll(lists)) {
                assertThat(list.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void lowerAndUpperCaseXGiveTheSamePersonId() {
        assertThat(NUMBER_WITH_X).endsWith("X");
        assertThat(personIds.personId(NUMBER_WITH_X.toLowerCase())).isEqualTo(personIds.personId(NUMBER_WITH_X));
    }

    @Test
    void differentKeysOrNumbersGiveDifferentPersonIds() {
        PersonIds otherKey = new PersonIds("another-county-person-key-000002".getBytes(StandardCharsets.UTF_8));

        assertThat(otherKey.personId("350825198506124017")).isNotEqualTo(personIds.personId("350825198506124017"));
        assertThat(personIds.personId(NUMBER_WITH_X)).isNotEqualTo(personIds.personId("350825198506124017"));
    }

    @Test
    void aShortKeyIsRefusedAndNoKeyIsPrinted() {
        assertThatThrownBy(() -> new PersonIds(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThat(personIds.toString()).doesNotContain("liancheng").doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    void idNumbersAreMaskedToTheCountyAndTheCheckCharacter() {
        assertThat(PersonIds.maskIdNumber("43082119781205123X")).isEqualTo("430821***********X");
        assertThat(PersonIds.maskIdNumber("43082119781205123x")).isEqualTo("430821***********X");
        assertThat(PersonIds.maskIdNumber("350825198506124017")).isEqualTo("350825***********7");
        assertThatThrownBy(() -> PersonIds.maskIdNumber("3508251985"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("3508251985");
    }

    /** The one rule every service masks by: which side of the threshold the birth lies, whatever the record's day. */
    @Test
    void anInfantShowsTheCountyAloneByOneThresholdBeforeTheFirstOpening() {
        String idNumber = "350825201709150017";
        LocalDate born = LocalDate.of(2017, 9, 15);
        String county = "350825" + "*".repeat(12);

        assertThat(PersonIds.maskIdNumber(idNumber, born, LocalDate.of(2017, 9, 1))).as("born after the first opening").isEqualTo(county);
        // enrolled under a year old in the first campaign, which opened on 2018-09-14: the county alone on every record
        assertThat(PersonIds.maskIdNumber(idNumber, born, LocalDate.of(2018, 9, 14))).as("born less than a year before it")
                .isEqualTo(county);
        assertThat(PersonIds.maskIdNumber(idNumber, born, LocalDate.of(2018, 9, 15))).as("born a year before it")
                .isEqualTo("350825***********7");
        assertThat(PersonIds.maskIdNumber(idNumber, born, null)).as("no campaign known yet").isEqualTo(county);
        assertThat(PersonIds.maskIdNumber("350825198506124017", LocalDate.of(1985, 6, 12), LocalDate.of(2017, 9, 1))).as("an adult")
                .isEqualTo("350825***********7");
    }

    @Test
    void namesKeepOnlyTheirFirstCharacter() {
        assertThat(PersonIds.maskName("张三丰")).isEqualTo("张**");
        assertThat(PersonIds.maskName("罗强")).isEqualTo("罗*");
        assertThat(PersonIds.maskName("张")).isEqualTo("*");
        assertThat(PersonIds.maskName("𠮷野家")).isEqualTo("𠮷**");
        assertThat(PersonIds.maskName("阿依古丽·买买提")).isEqualTo("阿*******");
        assertThatThrownBy(() -> PersonIds.maskName(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
