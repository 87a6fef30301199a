package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the rows of {@code {"refunds":[...]}} one by one, like {@link ConfirmationReader}. */
final class RefundReader {

    static final int MAX_REASON_LENGTH = 500;

    private RefundReader() {
    }

    static Rows read(JsonNode body, Clock clock) {
        Instant latest = ConfirmationReader.latestAcceptable(clock);
        JsonNode list = body == null || !body.isObject() ? null : body.get("refunds");
        if (list == null || !list.isArray()) {
            throw ApiException.invalid("refunds", "必填，应为退费列表 / is required: a list of refunds");
        }
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>());
        for (int index = 0; index < list.size(); index++) {
            readRow(index, list.get(index), latest, rows);
        }
        return rows;
    }

    record Rows(List<Refund> valid, List<ConfirmationOutcome.Rejection> rejected) {
    }

    private static void readRow(int index, JsonNode row, Instant latest, Rows rows) {
        List<InputError> errors = new ArrayList<>();
        if (!row.isObject()) {
            errors.add(InputError.field("refund", "应为含 refundNo、voucherNo、amount、refundedAt、reason 的对象 / "
                    + "is an object with refundNo, voucherNo, amount, refundedAt, reason"));
            rows.rejected().add(new ConfirmationOutcome.Rejection(index, errors));
            return;
        }
        String refundNo = ConfirmationReader.number(row, "refundNo", errors);
        String voucherNo = ConfirmationReader.number(row, "voucherNo", errors);
        BigDecimal amount = ConfirmationReader.amount(row.get("amount"), errors);
        Instant refundedAt = ConfirmationReader.instant("refundedAt", ConfirmationReader.text(row, "refundedAt"), latest, errors);
        String reason = ConfirmationReader.text(row, "reason");
        if (reason == null || reason.isBlank()) {
            errors.add(InputError.field("reason", "必填 / is required"));
        } else if (reason.strip().length() > MAX_REASON_LENGTH) {
            errors.add(InputError.field("reason", "最多 " + MAX_REASON_LENGTH + " 个字符 / has at most " + MAX_REASON_LENGTH
                    + " characters"));
        } else {
            ConfirmationReader.printable("reason", reason, errors);
        }
        if (!errors.isEmpty()) {
            rows.rejected().add(new ConfirmationOutcome.Rejection(index, errors));
            return;
        }
        rows.valid().add(new Refund(index, refundNo, voucherNo, amount, refundedAt, reason.strip()));
    }
}
