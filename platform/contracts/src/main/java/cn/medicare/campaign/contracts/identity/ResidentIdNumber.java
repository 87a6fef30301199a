package cn.medicare.campaign.contracts.identity;

import cn.medicare.campaign.contracts.codes.Sex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence whose
 * last digit is odd for men, and an ISO 7064 MOD 11-2 check character (0-9 or X). The check
 * character catches every single mistyped character and every swap of two neighbours, which is
 * why a number that fails it is refused instead of stored.
 */
public final class ResidentIdNumber {

    static final int LENGTH = 18;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83", "91");
    /**
     * 港澳台居民居住证: a Hong Kong, Macau or Taiwan resident living on the mainland holds a GB 11643 number whose region is
     * their home's alone (DOMAIN.md names them among those who enrol).
     */
    private static final Set<String> RESIDENCE_PERMIT_REGIONS = Set.of("810000", "820000", "830000");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private ResidentIdNumber() {
    }

    /** Checks a number as typed; {@code today} bounds the birth date (Asia/Shanghai business date). */
    public static ResidentIdCheck check(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null || raw.isBlank()) {
            return new ResidentIdCheck.Invalid(List.of("身份证号码为空 (the ID number is empty)"));
        }
        String number = raw.strip().replace('x', 'X');
        if (number.length() != LENGTH) {
            return new ResidentIdCheck.Invalid(List.of(String.format(
                    "身份证号码应为18位，当前为%d位 (an ID number has 18 characters; this one has %d)",
                    number.length(), number.length())));
        }
        List<String> problems = new ArrayList<>(shapeProblems(number));
        if (!problems.isEmpty()) {
            return new ResidentIdCheck.Invalid(problems);
        }
        problems.addAll(regionProblems(number.substring(0, 6)));
        String birthDigits = number.substring(6, 14);
        LocalDate birthDate = parseBirthDate(birthDigits);
        if (birthDate == null) {
            problems.add(String.format("出生日期%s不存在 (birth date %s does not exist)", birthDigits, birthDigits));
        } else if (birthDate.isAfter(today)) {
            problems.add("出生日期在未来 (birth date is in the future)");
        } else if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            problems.add("出生日期早于1900年 (birth date is before 1900)");
        }
        if (checkCharacter(number.substring(0, LENGTH - 1)) != number.charAt(LENGTH - 1)) {
            problems.add("校验位不符，号码有误 (the check character does not match: a character is mistyped)");
        }
        if (!problems.isEmpty()) {
            return new ResidentIdCheck.Invalid(problems);
        }
        Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new ResidentIdCheck.Valid(number, birthDate, sex);
    }

    public static boolean isValid(String raw, LocalDate today) {
        return check(raw, today).isValid();
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || firstNonDigit(first17) >= 0) {
            throw new IllegalArgumentException("the check character is computed from exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static List<String> shapeProblems(String number) {
        List<String> problems = new ArrayList<>();
        int nonDigit = firstNonDigit(number.substring(0, LENGTH - 1));
        if (nonDigit >= 0) {
            problems.add(String.format(
                    "前17位只能是数字，第%d位不是 (the first 17 characters are digits; character %d is not)",
                    nonDigit + 1, nonDigit + 1));
        }
        char last = number.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            problems.add("最后一位只能是数字或X (the last character is a digit or X)");
        }
        return problems;
    }

    private static List<String> regionProblems(String region) {
        String province = region.substring(0, 2);
        if (!PROVINCES.contains(province)) {
            return List.of(String.format(
                    "地区码开头%s不是省级行政区代码 (the region code begins with %s, which is no province)",
                    province, province));
        }
        if (region.endsWith("0000") && !RESIDENCE_PERMIT_REGIONS.contains(region)) {
            return List.of(String.format(
                    "地区码%s只到省级，缺少市县 (region code %s names a province, not a county)", region, region));
        }
        return List.of();
    }

    private static LocalDate parseBirthDate(String digits) {
        try {
            return LocalDate.parse(digits, BIRTH_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int firstNonDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    // Character.isDigit would also accept full-width and other scripts' digits.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
