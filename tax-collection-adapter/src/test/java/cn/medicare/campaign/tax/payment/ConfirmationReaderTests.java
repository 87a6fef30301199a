package cn.medicare.campaign.tax.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfirmationReaderTests {

    /** Noon of 2017-10-09 in Liancheng. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2017-10-09T04:00:00Z"), ZoneOffset.UTC);
    private static final String ID = Liancheng.idNumber(401);
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** A payment dated tomorrow would start a waiting coverage from a day to come and stand as the person's latest payment. */
    @Test
    void aPaymentDatedInTheFutureIsTheRowsMistake() {
        ConfirmationReader.Rows rows = read("""
                {"confirmations":[
                  {"voucherNo":"V1","idNumber":"%s","coverageYear":2018,"amount":"180","channel":"WECHAT","paidAt":"2017-10-10T02:14:00Z"},
                  {"voucherNo":"V2","idNumber":"%s","coverageYear":2018,"amount":"180","channel":"WECHAT","paidAt":"2017-10-09T04:03:00Z"}]}"""
                .formatted(ID, ID));

        assertThat(rows.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.index()).isZero();
            assertThat(rejection.errors()).extracting(InputError::field).containsExactly("paidAt");
        });
        assertThat(rows.valid()).as("a tax bureau's clock a few minutes ahead").hasSize(1);
    }

    /** Two rows of 6,000,000,000.00 for one person added up past what a refund due holds: the whole call failed as a 500. */
    @Test
    void anAmountFarAboveAnyContributionIsTheRowsMistake() {
        ConfirmationReader.Rows rows = read("""
                {"confirmations":[
                  {"voucherNo":"V1","idNumber":"%s","coverageYear":2018,"amount":"6000000000.00","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"},
                  {"voucherNo":"V2","idNumber":"%s","coverageYear":2018,"amount":"100000.00","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"}]}"""
                .formatted(ID, ID));

        assertThat(rows.rejected()).singleElement().satisfies(rejection ->
                assertThat(rejection.errors()).extracting(InputError::field).containsExactly("amount"));
        assertThat(rows.valid()).extracting(Confirmation::voucherNo).containsExactly("V2");
    }

    @Test
    void aVoucherNumberHoldingAnIdNumberIsTheRowsMistakeNamedWithoutRepeatingIt() {
        ConfirmationReader.Rows rows = read("""
                {"confirmations":[
                  {"voucherNo":"V-%s","idNumber":"%s","coverageYear":2018,"amount":"180","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"}]}"""
                .formatted(ID, ID));
        ConfirmationReader.Rows runInto = read("""
                {"confirmations":[
                  {"voucherNo":"PZ%s","idNumber":"%s","coverageYear":2018,"amount":"180","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"}]}"""
                .formatted(ID, ID));

        assertThat(rows.valid()).isEmpty();
        assertThat(rows.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.errors()).extracting(InputError::field).containsExactly("voucherNo");
            assertThat(rejection.errors().toString()).doesNotContain(ID);
        });
        assertThat(runInto.valid()).as("run into the voucher's own letters").isEmpty();
    }

    @Test
    void readsAValidRowWithAmountAsStringOrNumber() {
        ConfirmationReader.Rows rows = read("""
                {"confirmations":[
                  {"voucherNo":" 33508251700000001 ","idNumber":"%s","coverageYear":2018,"amount":"180","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"},
                  {"voucherNo":"33508251700000002","idNumber":"%s","coverageYear":"2018","amount":40.5,"channel":"TAX_HALL_CASH","paidAt":"2017-10-09T02:15:00Z"}]}"""
                .formatted(ID, ID));

        assertThat(rows.rejected()).isEmpty();
        assertThat(rows.valid()).extracting(Confirmation::index, Confirmation::voucherNo, Confirmation::amount, Confirmation::channel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "33508251700000001", new BigDecimal("180.00"), PaymentChannel.WECHAT),
                        org.assertj.core.groups.Tuple.tuple(1, "33508251700000002", new BigDecimal("40.50"), PaymentChannel.TAX_HALL_CASH));
        assertThat(rows.valid().get(0).paidAt()).isEqualTo(Instant.parse("2017-10-09T02:14:00Z"));
        assertThat(rows.valid().get(0).toString()).doesNotContain(ID);
    }

    @Test
    void reportsEveryProblemOfARowByFieldAndKeepsTheGoodRows() {
        String badCheck = IdNumbers.withWrongCheckCharacter(ID);
        ConfirmationReader.Rows rows = read("""
                {"confirmations":[
                  {"voucherNo":"","idNumber":"%s","coverageYear":18,"amount":"1.005","channel":"CARD","paidAt":"yesterday"},
                  {"voucherNo":"33508251700000003","idNumber":"%s","coverageYear":2018,"amount":"180.00","channel":"BANK","paidAt":"2017-10-09T02:14:00Z"},
                  {"voucherNo":"33508251700000004","idNumber":"%s","coverageYear":2018,"amount":"-180.00","channel":"BANK","paidAt":"2017-10-09T02:14:00Z"},
                  "not a row"]}"""
                .formatted(badCheck, ID, ID));

        assertThat(rows.valid()).extracting(Confirmation::index).containsExactly(1);
        assertThat(rows.rejected()).extracting(ConfirmationOutcome.Rejection::index).containsExactly(0, 2, 3);
        assertThat(rows.rejected().get(0).errors()).extracting(InputError::field)
                .containsExactly("voucherNo", "idNumber", "coverageYear", "amount", "channel", "paidAt");
        assertThat(rows.rejected().get(0).errors().get(1).message()).contains("校验位").doesNotContain(badCheck);
        assertThat(rows.rejected().get(1).errors()).extracting(InputError::message).containsExactly("应大于 0 / is more than 0");
    }

    /** A log line or an exception message naming a confirmation shows the county alone: no age is judged here. */
    @Test
    void aConfirmationNamedInALogShowsTheCountyAlone() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        Confirmation confirmation = paidAt(idNumber, "2017-10-08T02:00:00Z");

        assertThat(confirmation.toString()).contains("350825************").doesNotContain(idNumber.substring(6, 14), "***" + idNumber.charAt(17));
    }

    /** A payment masks its payer by the rule every service masks by: which side of the threshold the birth lies. */
    @Test
    void aPaymentMasksItsPayerByTheRuleEveryServiceMasksBy() {
        String adult = IdNumbers.of(Liancheng.REGION, LocalDate.of(1980, 5, 1), 7);
        String child = IdNumbers.of(Liancheng.REGION, LocalDate.of(2016, 10, 8), 7);
        String county = "350825************";

        assertThat(paidAt(adult, "2017-10-08T02:00:00Z").idNumberMasked(LocalDate.of(2016, 9, 1))).isEqualTo(PersonIds.maskIdNumber(adult));
        assertThat(paidAt(child, "2020-10-08T02:00:00Z").idNumberMasked(LocalDate.of(2017, 10, 7))).as("born within a year before it")
                .isEqualTo(county);
        assertThat(paidAt(child, "2017-10-07T15:30:00Z").idNumberMasked(LocalDate.of(2017, 10, 8))).as("born a year before it")
                .isEqualTo(PersonIds.maskIdNumber(child));
        assertThat(paidAt(adult, "2017-10-08T02:00:00Z").idNumberMasked(null)).as("no campaign known yet").isEqualTo(county);
    }

    private static Confirmation paidAt(String idNumber, String paidAt) {
        ResidentIdCheck.Valid payer = (ResidentIdCheck.Valid) ResidentIdNumber.check(idNumber, LocalDate.of(2026, 1, 1));
        return new Confirmation(1, "V1", idNumber, payer.birthDate(), 2018, new BigDecimal("180.00"), PaymentChannel.WECHAT,
                Instant.parse(paidAt));
    }

    @Test
    void aBodyWithoutTheListIsRefusedAsAWhole() {
        assertThatThrownBy(() -> read("{\"confirmation\":[]}")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors()).extracting(InputError::field).containsExactly("confirmations"));
        assertThatThrownBy(() -> read("[]")).isInstanceOf(ApiException.class);
    }

    private static ConfirmationReader.Rows read(String json) {
        JsonNode body = JSON.readTree(json);
        return ConfirmationReader.read(body, NOW);
    }
}
