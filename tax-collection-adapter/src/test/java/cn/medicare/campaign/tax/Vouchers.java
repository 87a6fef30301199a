package cn.medicare.campaign.tax;

import java.util.concurrent.atomic.AtomicInteger;

/** Voucher numbers (完税凭证号) of Liancheng's tax office, distinct within the JVM. */
final class Vouchers {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Vouchers() {
    }

    static String next() {
        return String.format("335082517%08d", NEXT.incrementAndGet());
    }
}
