package cn.medicare.campaign.tax.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class RefundReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void readsAValidRow() {
        RefundReader.Rows rows = read("""
                {"refunds":[{"refundNo":" TF1 ","voucherNo":"33508251700000001","amount":50.5,"refundedAt":"2017-11-02T03:00:00Z","reason":" 重复缴费 "}]}""");

        assertThat(rows.rejected()).isEmpty();
        assertThat(rows.valid()).containsExactly(new Refund(0, "TF1", "33508251700000001", new BigDecimal("50.50"),
                Instant.parse("2017-11-02T03:00:00Z"), "重复缴费"));
    }

    @Test
    void reportsEveryProblemOfARowByFieldAndKeepsTheGoodRows() {
        RefundReader.Rows rows = read("""
                {"refunds":[
                  {"refundNo":"","amount":"0","refundedAt":"yesterday"},
                  {"refundNo":"TF2","voucherNo":"V2","amount":"1.00","refundedAt":"2017-11-02T03:00:00Z","reason":"退保"},
                  42]}""");

        assertThat(rows.valid()).extracting(Refund::index).containsExactly(1);
        assertThat(rows.rejected()).extracting(ConfirmationOutcome.Rejection::index).containsExactly(0, 2);
        assertThat(rows.rejected().get(0).errors()).extracting(InputError::field)
                .containsExactly("refundNo", "voucherNo", "amount", "refundedAt", "reason");
    }

    @Test
    void aBodyWithoutTheListIsRefusedAsAWhole() {
        assertThatThrownBy(() -> read("{\"confirmations\":[]}")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors()).extracting(InputError::field).containsExactly("refunds"));
    }

    private static RefundReader.Rows read(String json) {
        return RefundReader.read(JSON.readTree(json), Clock.fixed(Instant.parse("2017-11-02T04:00:00Z"), ZoneOffset.UTC));
    }
}
