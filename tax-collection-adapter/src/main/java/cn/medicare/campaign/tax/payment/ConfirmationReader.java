package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.Amounts;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads the rows of {@code {"confirmations":[...]}} one by one: a bad row is reported by its
 * index and does not stop the good ones. Only a body without that list is refused as a whole.
 */
final class ConfirmationReader {

    static final int MAX_VOUCHER_LENGTH = 64;
    /**
     * A hundred times a year's largest contribution: a sanity bound, not a policy. Amounts near what a numeric(12,2)
     * column holds added up past it (a person's refund due, a day's total) and failed the whole call as a 500.
     */
    private static final BigDecimal MAX_CONTRIBUTION = new BigDecimal("100000.00");

    private ConfirmationReader() {
    }

    /** @return the valid rows and the rejected ones, each in the order posted */
    static Rows read(JsonNode body, Clock clock) {
        LocalDate today = BusinessTime.today(clock);
        Instant latest = latestAcceptable(clock);
        JsonNode list = body == null || !body.isObject() ? null : body.get("confirmations");
        if (list == null || !list.isArray()) {
            throw ApiException.invalid("confirmations", "必填，应为缴费确认列表 / is required: a list of payment confirmations");
        }
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>());
        for (int index = 0; index < list.size(); index++) {
            readRow(index, list.get(index), today, latest, rows);
        }
        return rows;
    }

    record Rows(List<Confirmation> valid, List<ConfirmationOutcome.Rejection> rejected) {
    }

    private static void readRow(int index, JsonNode row, LocalDate today, Instant latest, Rows rows) {
        List<InputError> errors = new ArrayList<>();
        if (!row.isObject()) {
            errors.add(InputError.field("confirmation", "应为含 voucherNo、idNumber、coverageYear、amount、channel、paidAt 的对象 / "
                    + "is an object with voucherNo, idNumber, coverageYear, amount, channel, paidAt"));
            rows.rejected().add(new ConfirmationOutcome.Rejection(index, errors));
            return;
        }
        String voucherNo = number(row, "voucherNo", errors);
        ResidentIdCheck id = ResidentIdNumber.check(text(row, "idNumber"), today);
        id.problems().forEach(problem -> errors.add(InputError.field("idNumber", problem)));
        // the payer's own number run into the voucher's letters (PZ350825…): published as it is, it would travel in plain; any
        // 18 digits with a valid check character would refuse some of the tax bureau's real, longer voucher numbers too
        if (voucherNo != null && id instanceof ResidentIdCheck.Valid payer
                && voucherNo.toUpperCase(Locale.ROOT).contains(payer.number())) {
            errors.add(InputError.field("voucherNo", "不能含有缴费人的身份证号码 / must not hold the payer's ID number"));
        }
        Integer coverageYear = coverageYear(row.get("coverageYear"), errors);
        BigDecimal amount = amount(row.get("amount"), errors);
        PaymentChannel channel = channel(text(row, "channel"), errors);
        Instant paidAt = instant("paidAt", text(row, "paidAt"), latest, errors);
        if (coverageYear != null && paidAt != null && paidAt.atZone(BusinessTime.ZONE).getYear() > coverageYear) {
            // coverage never starts after 31 December of its year (DOMAIN.md): such a payment buys nothing, and is most likely
            // the next year's booked to this one; kept, it counted the person enrolled for a year already over
            errors.add(InputError.field("paidAt", "缴费日期晚于" + coverageYear + "参保年度结束，不能为已结束的年度缴费，请核对参保年度"
                    + " / is after coverage year " + coverageYear + " ended: nothing buys a year that is over; check coverageYear"));
        }
        if (!errors.isEmpty()) {
            rows.rejected().add(new ConfirmationOutcome.Rejection(index, errors));
            return;
        }
        ResidentIdCheck.Valid payer = (ResidentIdCheck.Valid) id;
        rows.valid().add(new Confirmation(index, voucherNo, payer.number(), payer.birthDate(), coverageYear,
                amount, channel, paidAt));
    }

    private static Integer coverageYear(JsonNode node, List<InputError> errors) {
        String text = node == null || node.isNull() ? null : node.isNumber() || node.isString() ? node.asString().strip() : "";
        if (text == null) {
            errors.add(InputError.field("coverageYear", "必填 / is required"));
            return null;
        }
        if (text.matches("[0-9]{4}")) {
            return Integer.valueOf(text);
        }
        errors.add(InputError.field("coverageYear", "应为年份，如 2018 / is a year such as 2018"));
        return null;
    }

    /** Amounts arrive as decimal strings ("180.00") or JSON numbers; either is read exactly. */
    static BigDecimal amount(JsonNode node, List<InputError> errors) {
        if (node == null || node.isNull()) {
            errors.add(InputError.field("amount", "必填 / is required"));
            return null;
        }
        BigDecimal amount;
        try {
            amount = node.isNumber() ? node.decimalValue() : node.isString() ? new BigDecimal(node.asString().strip()) : null;
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null) {
            errors.add(InputError.field("amount", "应为金额（元），如 \"180.00\" / is a decimal amount in yuan, such as \"180.00\""));
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add(InputError.field("amount", "应大于 0 / is more than 0"));
            return null;
        }
        // the size first: setScale on 1e999999999 would spell out a billion digits
        if (Amounts.tooLarge(amount) || amount.compareTo(MAX_CONTRIBUTION) > 0) {
            errors.add(InputError.field("amount", "超出单笔缴费的金额范围（最多 " + MAX_CONTRIBUTION.toPlainString() + " 元） / is too large for one"
                    + " contribution (at most " + MAX_CONTRIBUTION.toPlainString() + " yuan)"));
            return null;
        }
        if (Amounts.finerThanFen(amount)) {
            errors.add(InputError.field("amount", "最多两位小数（到分） / has at most 2 decimals (fen)"));
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static PaymentChannel channel(String text, List<InputError> errors) {
        if (text != null) {
            for (PaymentChannel channel : PaymentChannel.values()) {
                if (channel.name().equals(text.strip())) {
                    return channel;
                }
            }
        }
        errors.add(InputError.field("channel", "缴费渠道应为 " + Arrays.toString(PaymentChannel.values()) + " 之一 / is one of "
                + Arrays.toString(PaymentChannel.values())));
        return null;
    }

    /**
     * The latest moment a payment or refund can have happened: now, as far ahead as the tax bureau's clock may run. A
     * later one would start coverage from a day to come, and be kept by the levy item as its latest payment.
     */
    static Instant latestAcceptable(Clock clock) {
        return clock.instant().plus(SignedRequests.TAX_BUREAU_CLOCK);
    }

    static Instant instant(String field, String text, Instant latest, List<InputError> errors) {
        if (text != null) {
            try {
                // PostgreSQL keeps microseconds: a time is what is stored, compared and published, or a refund sent again would
                // differ from itself in its nanoseconds
                Instant instant = Instant.parse(text.strip()).truncatedTo(ChronoUnit.MICROS);
                String outOfRange = RequestValues.problemWithInstant(instant);
                if (outOfRange == null && instant.isAfter(latest)) {
                    outOfRange = "不能晚于当前时间 / is not in the future";
                }
                if (outOfRange == null) {
                    return instant;
                }
                errors.add(InputError.field(field, outOfRange));
                return null;
            } catch (DateTimeParseException e) {
                // answered below, like a missing value
            }
        }
        errors.add(InputError.field(field,
                "应为 ISO-8601 时间，如 2017-10-09T02:15:00Z / is an ISO-8601 instant such as 2017-10-09T02:15:00Z"));
        return null;
    }

    /** The tree is read without the kit's checks of bound fields: text bound for a column is checked here. */
    /**
     * A voucher or refund number, stripped, or null with the field's error. It is published as it
     * is, so one that holds an ID number is refused here, as the clerk's mistake it is, rather than
     * by the outbox's last guard as a failure of ours.
     */
    static String number(JsonNode row, String field, List<InputError> errors) {
        String text = text(row, field);
        if (text == null || text.isBlank()) {
            errors.add(InputError.field(field, "必填 / is required"));
            return null;
        }
        if (text.strip().length() > MAX_VOUCHER_LENGTH) {
            errors.add(InputError.field(field, "最多 " + MAX_VOUCHER_LENGTH + " 个字符 / has at most " + MAX_VOUCHER_LENGTH
                    + " characters"));
            return null;
        }
        if (IdNumberLeaks.containsIdNumber(text)) {
            errors.add(InputError.field(field, "不能含有身份证号码 / must not hold an ID number"));
            return null;
        }
        return printable(field, text, errors) ? text.strip() : null;
    }

    static boolean printable(String field, String text, List<InputError> errors) {
        String problem = RequestValues.problemWithText(text);
        if (problem != null) {
            errors.add(InputError.field(field, problem));
        }
        return problem == null;
    }

    static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || !node.isString() ? null : node.asString();
    }
}
