package cn.medicare.campaign.tax;

import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Residents of Liancheng (连城县, 350825) with valid, distinct ID numbers, and vouchers of its tax office. */
final class People {

    static final String REGION = "350825";
    static final String TOWNSHIP = "350825100";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private People() {
    }

    static String idNumber() {
        int n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n * 97L);
        String first17 = REGION + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** The same number with a check character that does not match: one mistyped character. */
    static String withWrongCheckCharacter(String idNumber) {
        char wrong = idNumber.charAt(17) == '1' ? '2' : '1';
        return idNumber.substring(0, 17) + wrong;
    }

    static String voucherNo() {
        return String.format("335082517%08d", NEXT.incrementAndGet());
    }
}
