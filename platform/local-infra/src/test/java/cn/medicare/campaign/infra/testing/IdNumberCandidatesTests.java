package cn.medicare.campaign.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IdNumberCandidatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theRecordFoundOn20261201GaveTheWholeNumberAway() {
        JsonNode record = json("""
                {"idNumberMasked":"3508**********1502","region":"350825","birthDate":"1953-07-31"}""");

        IdNumberCandidates.Knowledge knowledge = IdNumberCandidates.knowledge(record, null, TODAY);

        assertThat(IdNumberCandidates.count(knowledge, 1_000_000)).isEqualTo(1);
        assertThat(IdNumberCandidates.showsBirthDate(record, LocalDate.of(1953, 7, 31))).isTrue();
    }

    @Test
    void countyCheckCharacterBirthYearAndSexLeaveAboutSixteenThousand() {
        JsonNode record = json("""
                {"idNumberMasked":"350825***********7","region":"350825","birthYear":1985,"sex":"MALE"}""");

        long candidates = IdNumberCandidates.count(IdNumberCandidates.knowledge(record, null, TODAY), 1_000_000);

        // 365 days x 500 sequences of one parity, about one in eleven with that check character
        assertThat(candidates).isBetween(15_000L, 18_000L);
    }

    @Test
    void anyDateOfTheRecordAndItsPublicationBoundTheBirthFromAbove() {
        JsonNode newborn = json("""
                {"idNumberMasked":"350825***********7","birthYear":2018,"sex":"FEMALE","enrolledOn":"2018-01-10"}""");

        long candidates = IdNumberCandidates.count(
                IdNumberCandidates.knowledge(newborn, Instant.parse("2018-01-10T02:00:00Z"), TODAY), 1_000_000);

        assertThat(candidates).isLessThan(IdNumberCandidates.REQUIRED);
    }

    /**
     * The roster shows the check character only for someone a year old on the enrolment day, a public rule: a child enrolled
     * on 5 March 2018 with its birth year 2017 was born by 5 March 2017, about 2,900 numbers.
     */
    @Test
    void aCheckCharacterOnAnEnrolmentBoundsTheBirthToAYearBeforeIt() {
        JsonNode record = json("""
                {"idNumberMasked":"350825***********7","birthYear":2017,"sex":"FEMALE","enrolledOn":"2018-03-05"}""");
        JsonNode withoutTheYear = json("""
                {"idNumberMasked":"350825***********7","sex":"FEMALE","enrolledOn":"2018-03-05"}""");

        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(record, null, TODAY), 1_000_000)).isBetween(2_000L, 4_000L);
        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(withoutTheYear, null, TODAY), 1_000_000))
                .isGreaterThanOrEqualTo(IdNumberCandidates.REQUIRED);
    }

    /**
     * A newborn's record without a birth year still bounds the birth from below, to the weeks since 1 January (a coverage
     * from birth) or since the period opened (the category), which the check character beside them cannot stand.
     */
    @Test
    void aNewbornsCategoryOrCoverageFromBirthBoundTheBirthFromBelow() {
        JsonNode fromBirth = json("""
                {"idNumberMasked":"350825***********7","coverageYear":2018,"sex":"FEMALE","personCategory":"NEWBORN",
                 "coverageFromBirth":true,"enrolledOn":"2018-01-30"}""");
        JsonNode countyOnly = json("""
                {"idNumberMasked":"350825************","coverageYear":2018,"sex":"FEMALE","personCategory":"NEWBORN",
                 "coverageFromBirth":true,"enrolledOn":"2018-01-30"}""");
        JsonNode newborn = json("""
                {"idNumberMasked":"350825************","coverageYear":2018,"sex":"FEMALE","personCategory":"NEWBORN",
                 "enrolledOn":"2017-09-10"}""");

        // Jan 2 to Jan 30: 29 days x 500 of one sex, one in eleven with the check character shown
        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(fromBirth, null, TODAY), 1_000_000)).isBetween(1_200L, 1_450L);
        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(countyOnly, null, TODAY), 1_000_000)).isEqualTo(29 * 500);
        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(newborn, null, TODAY, LocalDate.of(2017, 9, 1)), 1_000_000))
                .as("Sept 1 to Sept 10").isEqualTo(10 * 500);
    }

    /**
     * The mask's public threshold, a year before the first collection day: 6+1 with the birth year 2016 says born from 1
     * January to 1 September 2016 where the first day was 1 September 2017 (245 days, about 11,100 numbers), to 1 March
     * where it was 1 March 2017 (61 days, too few); the county alone says born after the threshold.
     */
    @Test
    void theMasksThresholdBoundsTheBirthOnEitherSide() {
        JsonNode sixPlusOne = json("""
                {"idNumberMasked":"350825***********7","birthYear":2016,"sex":"FEMALE"}""");
        JsonNode countyAlone = json("""
                {"idNumberMasked":"350825************","birthYear":2016,"sex":"FEMALE"}""");

        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(sixPlusOne, null, TODAY, LocalDate.of(2017, 9, 1)), 1_000_000))
                .isBetween(10_500L, 11_700L);
        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(sixPlusOne, null, TODAY, LocalDate.of(2017, 3, 1)), 1_000_000))
                .isLessThan(IdNumberCandidates.REQUIRED);
        assertThat(IdNumberCandidates.count(IdNumberCandidates.knowledge(countyAlone, null, TODAY, LocalDate.of(2017, 9, 1)), 1_000_000))
                .as("2 September to 31 December").isEqualTo(121 * 500);
    }

    @Test
    void aRecordWithoutAnyPartOfANumberSaysNothingAboutOne() {
        assertThat(IdNumberCandidates.knowledge(json("""
                {"personId":"0123456789abcdef0123456789abcdef","amount":"180.00"}"""), null, TODAY).aboutAnIdNumber()).isFalse();
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
