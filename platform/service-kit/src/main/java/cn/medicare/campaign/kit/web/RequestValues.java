package cn.medicare.campaign.kit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * What no field of a request body may hold, whatever the endpoint: text with NUL or other control
 * characters (PostgreSQL cannot store NUL; the others break exports and logs), and dates or
 * instants outside the years 0001 to 9999 (PostgreSQL's range ends earlier for timestamps, and no
 * campaign date lies there). Refused while the body is read, naming the field, as a 400.
 */
public final class RequestValues {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final int MAX_PHONE_DIGITS = 14;

    static final String CONTROL_CHARACTERS = "不能含有控制字符 / must not contain control characters";
    static final String DATE_RANGE = "日期年份须在 0001 至 9999 之间 / is a date with a year from 0001 to 9999";
    static final String INSTANT_RANGE = "时间年份须在 0001 至 9999 之间 / is an instant with a year from 0001 to 9999";
    /** A person's date (a death, an activation, a special case's event, a certification) before the birth date the ID number gives: a mistyped year (0218 for 2018). */
    public static final String BEFORE_BIRTH = "不能早于身份证号码中的出生日期 / is on or after the birth date of the ID number";
    static final String REGION_CODE = "应为 6 位县（区）代码，如 350825 / is the 6-digit county code, e.g. 350825";

    private static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final Pattern MONTH_ALONE = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private RequestValues() {
    }

    /** The Jackson module that applies these checks to every String, LocalDate and Instant read. */
    public static SimpleModule module() {
        return new SimpleModule("request-values").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || type == LocalDate.class || type == Instant.class ? new Checked(deserializer) : deserializer;
            }
        });
    }

    /** @return the clerk's message for a text that cannot be accepted, or null when it can */
    /**
     * A phone is printed in full on the Friday lists: an ID number typed into its column (the next one on 附件3 and 附件4)
     * would be printed with it, so a value with more digits than any phone, or what is no phone at all, is refused.
     */
    public static Optional<InputError> phoneProblem(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String trimmed = phone.trim();
        if (PHONE.matcher(trimmed).matches() && trimmed.chars().filter(Character::isDigit).count() <= MAX_PHONE_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(InputError.field("phone", "电话号码格式不正确，最多 " + MAX_PHONE_DIGITS + " 位数字，身份证号码不能填在电话栏"
                + " / is a telephone number of at most " + MAX_PHONE_DIGITS + " digits, never an ID number"));
    }

    public static String problemWithText(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return CONTROL_CHARACTERS;
            }
        }
        return null;
    }

    /**
     * @return the clerk's message for a date cell that gives a month alone (2017-10: a spreadsheet cell formatted as a month
     *     reads so, {@code XlsxRows}, and the clerk sees 2017年10月, not a malformed date), or null for any other text
     */
    public static String problemWithMonthAlone(String text, String example) {
        return text != null && MONTH_ALONE.matcher(text).matches()
                ? "只有年月，请填到日，如 " + example + " / gives a month alone: give the day, such as " + example : null;
    }

    /** @return the clerk's message for a date outside the years 0001 to 9999, or null when within */
    public static String problemWithDate(LocalDate date) {
        return date != null && (date.getYear() < 1 || date.getYear() > 9999) ? DATE_RANGE : null;
    }

    /** @return the clerk's message for an instant outside the years 0001 to 9999 (UTC), or null when within */
    public static String problemWithInstant(Instant instant) {
        return instant != null && (instant.isBefore(FIRST) || !instant.isBefore(END)) ? INSTANT_RANGE : null;
    }

    /** The county (县（区）) a request names, as a parameter or in its body: a 400 on {@code region} unless six digits. */
    public static String requireRegion(String region) {
        String problem = problemWithRegion(region);
        if (problem != null) {
            throw ApiException.invalid("region", problem);
        }
        return region;
    }

    /** What is wrong with a body naming a campaign (a {@code region} of six digits, a {@code coverageYear}), field by field. */
    public static List<InputError> campaignKeyErrors(String region, Integer coverageYear) {
        List<InputError> errors = new ArrayList<>();
        String problem = problemWithRegion(region);
        if (problem != null) {
            errors.add(InputError.field("region", problem));
        }
        if (coverageYear == null) {
            errors.add(InputError.field("coverageYear", "必填，如 2018 / is required, e.g. 2018"));
        }
        return errors;
    }

    /** @return the clerk's message for a county code that is not six digits (or missing), or null when it is one */
    public static String problemWithRegion(String region) {
        return region == null || !REGION.matcher(region).matches() ? REGION_CODE : null;
    }

    /** A value the parser read but the suite refuses; its message is the clerk's and never quotes the value. */
    static final class RefusedValue extends MismatchedInputException {

        RefusedValue(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            String problem = null;
            if (value instanceof String text) {
                problem = problemWithText(text);
            } else if (value instanceof LocalDate date) {
                problem = problemWithDate(date);
            } else if (value instanceof Instant instant) {
                problem = problemWithInstant(instant);
            }
            if (problem != null) {
                throw new RefusedValue(parser, problem);
            }
            return value;
        }
    }
}
